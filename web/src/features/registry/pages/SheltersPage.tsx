import { useMemo } from 'react'
import { Col, Form, Input, InputNumber, Row, Select, Tag } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import { DivisionSelect } from '../../../components/registry/DivisionSelect.tsx'
import { enumLabel, enumOptions, formatLonLat, LocationFields, locationInput } from '../../../components/registry/fields.tsx'
import { RegistryListPage } from '../../../components/registry/RegistryListPage.tsx'
import { SyntheticTag } from '../../../components/registry/SyntheticTag.tsx'
import { shelterFacilities, shelterLevels, shelterStatuses, shelterTypes, shelters, type Shelter, type ShelterInput } from '../api/shelters.ts'

const statusColors = { available: 'green', in_use: 'orange', closed: 'default' } as const

/** 避灾安置场所: type, level, capacity, area, facilities, manager, status. */
export function SheltersPage() {
  const { t } = useI18n()
  const columns = useMemo(() => [
    { title: t('registry.name'), dataIndex: 'name', render: (name: string, row: Shelter) => <>{name} <SyntheticTag synthetic={row.synthetic} /></> },
    { title: t('registry.type'), dataIndex: 'type', render: (value: string) => enumLabel(t, 'shelter.type', value) },
    { title: t('registry.level'), dataIndex: 'level', render: (value: string) => enumLabel(t, 'depot.level', value) },
    { title: t('shelter.capacity'), dataIndex: 'capacity', align: 'right' as const, render: (value: number) => value.toLocaleString() },
    { title: t('shelter.area'), dataIndex: 'areaM2', align: 'right' as const, render: (value: number) => value.toLocaleString() },
    { title: t('shelter.facilities'), dataIndex: 'facilities', render: (values: string[]) => values.map((value) => enumLabel(t, 'shelter.facility', value)).join('、') || '—' },
    { title: t('registry.division'), dataIndex: 'divisionName' },
    { title: t('shelter.manager'), dataIndex: 'managerName', render: (name: string, row: Shelter) => `${name} ${row.managerPhone}` },
    { title: t('registry.status'), dataIndex: 'status', render: (value: Shelter['status']) => <Tag color={statusColors[value]}>{enumLabel(t, 'shelter.status', value)}</Tag> },
    { title: t('registry.address'), dataIndex: 'address' },
    { title: t('registry.location'), dataIndex: 'location', render: formatLonLat },
  ], [t])
  const required = (field: string) => [{ required: true, message: t('registry.required', { field }) }]

  return (
    <RegistryListPage<Shelter, Shelter, ShelterInput>
      resource={shelters}
      title={t('shelter.title')}
      testId="shelters"
      columns={columns}
      nameOf={(row) => row.name}
      filters={[
        { name: 'type', placeholder: t('registry.type'), options: enumOptions(t, 'shelter.type', shelterTypes) },
        { name: 'level', placeholder: t('registry.level'), options: enumOptions(t, 'depot.level', shelterLevels) },
        { name: 'status', placeholder: t('registry.status'), options: enumOptions(t, 'shelter.status', shelterStatuses) },
      ]}
      excel={{ fileStem: t('shelter.title') }}
      form={{
        width: 600,
        initial: { type: 'indoor', level: 'village', status: 'available', facilities: [] },
        fromDetail: (shelter) => shelter,
        toInput: (values) => ({ ...values, location: locationInput(values.location) }),
        fields: (
          <>
            <Form.Item name="name" label={t('registry.name')} rules={required(t('registry.name'))}><Input maxLength={100} /></Form.Item>
            <Row gutter={12}>
              <Col span={8}><Form.Item name="type" label={t('registry.type')} rules={required(t('registry.type'))}><Select options={enumOptions(t, 'shelter.type', shelterTypes)} /></Form.Item></Col>
              <Col span={8}><Form.Item name="level" label={t('registry.level')} rules={required(t('registry.level'))}><Select options={enumOptions(t, 'depot.level', shelterLevels)} /></Form.Item></Col>
              <Col span={8}><Form.Item name="status" label={t('registry.status')}><Select options={enumOptions(t, 'shelter.status', shelterStatuses)} /></Form.Item></Col>
            </Row>
            <Row gutter={12}>
              <Col span={12}><Form.Item name="capacity" label={t('shelter.capacity')} rules={required(t('shelter.capacity'))}><InputNumber min={1} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
              <Col span={12}><Form.Item name="areaM2" label={t('shelter.area')} rules={required(t('shelter.area'))}><InputNumber min={0.01} style={{ width: '100%' }} /></Form.Item></Col>
            </Row>
            <Form.Item name="facilities" label={t('shelter.facilities')}><Select mode="multiple" options={enumOptions(t, 'shelter.facility', shelterFacilities)} /></Form.Item>
            <Form.Item name="divisionCode" label={t('registry.division')} rules={required(t('registry.division'))}><DivisionSelect allowClear={false} /></Form.Item>
            <Form.Item name="address" label={t('registry.address')}><Input maxLength={200} /></Form.Item>
            <Row gutter={12}>
              <Col span={12}><Form.Item name="managerName" label={t('shelter.manager')} rules={required(t('shelter.manager'))}><Input maxLength={50} /></Form.Item></Col>
              <Col span={12}><Form.Item name="managerPhone" label={t('registry.phone')} rules={required(t('registry.phone'))}><Input maxLength={20} /></Form.Item></Col>
            </Row>
            <LocationFields required />
          </>
        ),
      }}
    />
  )
}
