import { useMemo } from 'react'
import { Form, Input, Select, Tag } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import { DivisionSelect } from '../../../components/registry/DivisionSelect.tsx'
import { enumLabel, enumOptions, formatLonLat, LocationFields, locationInput } from '../../../components/registry/fields.tsx'
import { RegistryListPage } from '../../../components/registry/RegistryListPage.tsx'
import { SyntheticTag } from '../../../components/registry/SyntheticTag.tsx'
import { depotLevels, depots, type Depot, type DepotInput } from '../api/depots.ts'
import { DepotStock } from '../components/DepotStock.tsx'

const levelColors = { city: 'red', township: 'blue', village: 'green' } as const

/** 储备库: depots at city, township and village level, each with its stock. */
export function DepotsPage() {
  const { t } = useI18n()
  const levelOptions = enumOptions(t, 'depot.level', depotLevels)
  const columns = useMemo(() => [
    { title: t('registry.name'), dataIndex: 'name', render: (name: string, row: Depot) => <>{name} <SyntheticTag synthetic={row.synthetic} /></> },
    { title: t('registry.level'), dataIndex: 'level', render: (level: Depot['level']) => <Tag color={levelColors[level]}>{enumLabel(t, 'depot.level', level)}</Tag> },
    { title: t('registry.division'), dataIndex: 'divisionName' },
    { title: t('registry.address'), dataIndex: 'address' },
    { title: t('depot.manager'), dataIndex: 'manager' },
    { title: t('registry.phone'), dataIndex: 'phone' },
    { title: t('depot.capacityNote'), dataIndex: 'capacityNote' },
    { title: t('registry.location'), dataIndex: 'location', render: formatLonLat },
  ], [t])

  return (
    <RegistryListPage<Depot, Depot, DepotInput>
      resource={depots}
      title={t('depot.title')}
      testId="depots"
      columns={columns}
      nameOf={(row) => row.name}
      filters={[{ name: 'level', placeholder: t('registry.level'), options: levelOptions }]}
      excel={{ fileStem: t('depot.title') }}
      detailExtra={(row) => <DepotStock depotId={row.id} />}
      form={{
        initial: { level: 'township' },
        fromDetail: (depot) => ({ ...depot, location: depot.location }) as Partial<DepotInput>,
        toInput: (values) => ({ ...values, location: locationInput(values.location) }),
        fields: (
          <>
            <Form.Item name="name" label={t('registry.name')} rules={[{ required: true, message: t('registry.required', { field: t('registry.name') }) }]}><Input maxLength={100} /></Form.Item>
            <Form.Item name="level" label={t('registry.level')} rules={[{ required: true }]}><Select options={levelOptions} /></Form.Item>
            <Form.Item name="divisionCode" label={t('registry.division')} rules={[{ required: true, message: t('registry.required', { field: t('registry.division') }) }]}><DivisionSelect allowClear={false} /></Form.Item>
            <Form.Item name="address" label={t('registry.address')}><Input maxLength={200} /></Form.Item>
            <Form.Item name="manager" label={t('depot.manager')}><Input maxLength={50} /></Form.Item>
            <Form.Item name="phone" label={t('registry.phone')}><Input maxLength={30} /></Form.Item>
            <Form.Item name="capacityNote" label={t('depot.capacityNote')}><Input.TextArea maxLength={200} autoSize /></Form.Item>
            <LocationFields />
          </>
        ),
      }}
    />
  )
}
