import { useMemo } from 'react'
import { Col, Form, Input, InputNumber, Row, Select, Tag } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import { DivisionSelect } from '../../../components/registry/DivisionSelect.tsx'
import { enumLabel, enumOptions, formatLonLat, LocationFields, locationInput } from '../../../components/registry/fields.tsx'
import { RegistryListPage } from '../../../components/registry/RegistryListPage.tsx'
import { SyntheticTag } from '../../../components/registry/SyntheticTag.tsx'
import { hazardPoints, hazardScales, hazardStabilities, hazardStatuses, hazardTypes, type HazardPoint, type HazardPointInput } from '../api/hazard-points.ts'

const stabilityColors = { stable: 'green', fairly_stable: 'gold', unstable: 'red' } as const

/** 地质灾害隐患点: type, scale, who and what is threatened, and the community monitor (群测群防员). */
export function HazardPointsPage() {
  const { t } = useI18n()
  const columns = useMemo(() => [
    { title: t('registry.name'), dataIndex: 'name', render: (name: string, row: HazardPoint) => <>{name} <SyntheticTag synthetic={row.synthetic} /></> },
    { title: t('registry.type'), dataIndex: 'type', render: (value: string) => enumLabel(t, 'hazardPoint.type', value) },
    { title: t('hazardPoint.scale'), dataIndex: 'scale', render: (value: string) => enumLabel(t, 'hazardPoint.scale', value) },
    { title: t('hazardPoint.stability'), dataIndex: 'stability', render: (value: HazardPoint['stability']) => <Tag color={stabilityColors[value]}>{enumLabel(t, 'hazardPoint.stability', value)}</Tag> },
    { title: t('hazardPoint.households'), dataIndex: 'threatenedHouseholds', align: 'right' as const },
    { title: t('hazardPoint.people'), dataIndex: 'threatenedPeople', align: 'right' as const },
    { title: t('hazardPoint.property'), dataIndex: 'threatenedProperty', align: 'right' as const },
    { title: t('registry.division'), dataIndex: 'divisionName' },
    { title: t('hazardPoint.monitor'), dataIndex: 'monitorName', render: (name: string, row: HazardPoint) => `${name} ${row.monitorPhone}` },
    { title: t('registry.status'), dataIndex: 'status', render: (value: string) => enumLabel(t, 'hazardPoint.status', value) },
    { title: t('registry.location'), dataIndex: 'location', render: formatLonLat },
  ], [t])
  const required = (field: string) => [{ required: true, message: t('registry.required', { field }) }]

  return (
    <RegistryListPage<HazardPoint, HazardPoint, HazardPointInput>
      resource={hazardPoints}
      title={t('hazardPoint.title')}
      testId="hazard-points"
      columns={columns}
      nameOf={(row) => row.name}
      filters={[
        { name: 'type', placeholder: t('registry.type'), options: enumOptions(t, 'hazardPoint.type', hazardTypes) },
        { name: 'scale', placeholder: t('hazardPoint.scale'), options: enumOptions(t, 'hazardPoint.scale', hazardScales) },
        { name: 'status', placeholder: t('registry.status'), options: enumOptions(t, 'hazardPoint.status', hazardStatuses) },
      ]}
      excel={{ fileStem: t('hazardPoint.title') }}
      form={{
        width: 600,
        initial: { type: 'landslide', scale: 'small', stability: 'fairly_stable', status: 'active', threatenedHouseholds: 0, threatenedPeople: 0, threatenedProperty: 0 },
        fromDetail: (point) => point,
        toInput: (values) => ({ ...values, location: locationInput(values.location) }),
        fields: (
          <>
            <Form.Item name="name" label={t('registry.name')} rules={required(t('registry.name'))}><Input maxLength={100} /></Form.Item>
            <Row gutter={12}>
              <Col span={8}><Form.Item name="type" label={t('registry.type')} rules={required(t('registry.type'))}><Select options={enumOptions(t, 'hazardPoint.type', hazardTypes)} /></Form.Item></Col>
              <Col span={8}><Form.Item name="scale" label={t('hazardPoint.scale')} rules={required(t('hazardPoint.scale'))}><Select options={enumOptions(t, 'hazardPoint.scale', hazardScales)} /></Form.Item></Col>
              <Col span={8}><Form.Item name="stability" label={t('hazardPoint.stability')} rules={required(t('hazardPoint.stability'))}><Select options={enumOptions(t, 'hazardPoint.stability', hazardStabilities)} /></Form.Item></Col>
            </Row>
            <Row gutter={12}>
              <Col span={8}><Form.Item name="threatenedHouseholds" label={t('hazardPoint.households')} rules={required(t('hazardPoint.households'))}><InputNumber min={0} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
              <Col span={8}><Form.Item name="threatenedPeople" label={t('hazardPoint.people')} rules={required(t('hazardPoint.people'))}><InputNumber min={0} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
              <Col span={8}><Form.Item name="threatenedProperty" label={t('hazardPoint.property')} rules={required(t('hazardPoint.property'))}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item></Col>
            </Row>
            <Form.Item name="divisionCode" label={t('hazardPoint.village')} rules={required(t('registry.division'))}><DivisionSelect allowClear={false} /></Form.Item>
            <Row gutter={12}>
              <Col span={12}><Form.Item name="monitorName" label={t('hazardPoint.monitor')} rules={required(t('hazardPoint.monitor'))}><Input maxLength={50} /></Form.Item></Col>
              <Col span={12}><Form.Item name="monitorPhone" label={t('registry.phone')} rules={required(t('registry.phone'))}><Input maxLength={20} /></Form.Item></Col>
            </Row>
            <LocationFields required />
            <Form.Item name="status" label={t('registry.status')}><Select options={enumOptions(t, 'hazardPoint.status', hazardStatuses)} /></Form.Item>
          </>
        ),
      }}
    />
  )
}
