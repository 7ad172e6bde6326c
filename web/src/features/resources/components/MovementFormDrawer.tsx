import { useMemo } from 'react'
import { App, Col, Form, Input, InputNumber, Row, Select } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useI18n } from '../../../i18n/i18n.tsx'
import { enumOptions } from '../../../components/registry/fields.tsx'
import { RecordFormDrawer } from '../../../components/registry/RecordFormDrawer.tsx'
import { depots } from '../api/depots.ts'
import { movementKinds, useCreateMovement, type MovementInput } from '../api/movements.ts'
import { supplies } from '../api/supplies.ts'

const pickerPage = { page: 1, pageSize: 200 }

/** 出入库登记: in, out, transfer (调拨) or loss; the server checks stock on hand and batches. */
export function MovementFormDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const create = useCreateMovement()
  const depotList = useQuery({ ...depots.listOptions(pickerPage), enabled: open })
  const supplyList = useQuery({ ...supplies.listOptions(pickerPage), enabled: open })
  const initial = useMemo<Partial<MovementInput>>(() => ({ kind: 'in' }), [])
  const depotOptions = (depotList.data?.items ?? []).map((depot) => ({ value: depot.id, label: depot.name }))
  const supplyOptions = (supplyList.data?.items ?? []).map((supply) => ({
    value: supply.id,
    label: `${supply.name}（${supply.unit}）${supply.shelfLifeMonths ? ` · ${t('supply.expires')}` : ''}`,
  }))

  return (
    <RecordFormDrawer<MovementInput>
      open={open}
      title={t('movement.create')}
      initialValues={open ? initial : undefined}
      onClose={onClose}
      testId="movement-form"
      onSubmit={async (values) => {
        const input: MovementInput = { ...values, documentNo: values.documentNo || undefined, batchExpiry: values.batchExpiry || undefined }
        const document = await create.mutateAsync(input)
        message.success(t('movement.saved', { documentNo: document.documentNo }))
        onClose()
      }}
    >
      <MovementFields kindOptions={enumOptions(t, 'movement.kind', movementKinds)} depotOptions={depotOptions} supplyOptions={supplyOptions} />
    </RecordFormDrawer>
  )
}

interface MovementFieldsProps {
  kindOptions: { value: string; label: string }[]
  depotOptions: { value: string; label: string }[]
  supplyOptions: { value: string; label: string }[]
}

function MovementFields({ kindOptions, depotOptions, supplyOptions }: MovementFieldsProps) {
  const { t } = useI18n()
  const transfer = Form.useWatch<MovementInput['kind'] | undefined>('kind') === 'transfer'
  const required = (field: string) => [{ required: true, message: t('registry.required', { field }) }]
  return (
    <>
      <Form.Item name="kind" label={t('movement.kind')} rules={required(t('movement.kind'))}><Select options={kindOptions} /></Form.Item>
      <Row gutter={12}>
        <Col span={transfer ? 12 : 24}>
          <Form.Item name="depotId" label={transfer ? t('movement.fromDepot') : t('depot.title')} rules={required(t('depot.title'))}>
            <Select options={depotOptions} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Col>
        {transfer && (
          <Col span={12}>
            <Form.Item name="toDepotId" label={t('movement.toDepot')} rules={required(t('movement.toDepot'))}>
              <Select options={depotOptions} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Form.Item name="supplyId" label={t('supply.name')} rules={required(t('supply.name'))}>
        <Select options={supplyOptions} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="quantity" label={t('stock.quantity')} rules={required(t('stock.quantity'))}>
            <InputNumber min={1} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="batchExpiry" label={t('movement.batchExpiry')} tooltip={t('movement.batchExpiryHint')}>
            <Input type="date" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="reason" label={t('movement.reason')} rules={required(t('movement.reason'))}><Input maxLength={200} /></Form.Item>
      <Form.Item name="documentNo" label={t('movement.documentNo')} extra={t('movement.documentNoHint')}><Input maxLength={64} /></Form.Item>
    </>
  )
}
