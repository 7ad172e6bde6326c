import { useMemo } from 'react'
import { Col, Form, Input, InputNumber, Row, Select } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import { enumOptions } from '../../../components/registry/fields.tsx'
import { RecordFormDrawer } from '../../../components/registry/RecordFormDrawer.tsx'
import { unitKinds, type HazardUnit } from '../api/enterprises.ts'
import { useUnitMutations } from '../api/enterprise-units.ts'
import { SubstanceList } from './SubstanceList.tsx'
import { substanceFieldPath, substanceInput, substanceRow, type SubstanceRow } from './substance-rows.ts'

interface UnitValues {
  name: string
  kind: HazardUnit['kind']
  exposedPeople: number
  substances: SubstanceRow[]
}

export interface UnitFormDrawerProps {
  enterpriseId: string
  /** The unit being edited, `null` for a new one; `undefined` closes the drawer. */
  unit: HazardUnit | null | undefined
  onClose: () => void
}

/** A production or storage unit and its substances; the server grades it on save. */
export function UnitFormDrawer({ enterpriseId, unit, onClose }: UnitFormDrawerProps) {
  const { t } = useI18n()
  const { save } = useUnitMutations(enterpriseId)
  // Stable per unit: the drawer resets its form when these values change.
  const initial = useMemo<Partial<UnitValues> | undefined>(() => {
    if (unit === undefined) return undefined
    if (unit === null) return { kind: 'storage', exposedPeople: 0, substances: [{}] }
    return { name: unit.name, kind: unit.kind, exposedPeople: unit.exposedPeople, substances: unit.substances.map(substanceRow) }
  }, [unit])
  return (
    <RecordFormDrawer<UnitValues>
      open={unit !== undefined}
      title={unit ? t('unit.editTitle') : t('unit.createTitle')}
      initialValues={initial}
      onClose={onClose}
      width={640}
      testId="unit-form"
      fieldPath={substanceFieldPath}
      onSubmit={async (values) => {
        await save.mutateAsync({
          unitId: unit?.id ?? null,
          input: { name: values.name, kind: values.kind, exposedPeople: values.exposedPeople, substances: values.substances.map(substanceInput) },
        })
        onClose()
      }}
    >
      <Form.Item name="name" label={t('unit.name')} rules={[{ required: true, message: t('registry.required', { field: t('unit.name') }) }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="kind" label={t('unit.kind')} rules={[{ required: true }]}><Select options={enumOptions(t, 'unit.kind', unitKinds)} /></Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="exposedPeople" label={t('majorHazard.exposedPeople')} rules={[{ required: true }]}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('majorHazard.substances')}>
        <SubstanceList />
      </Form.Item>
    </RecordFormDrawer>
  )
}
