import { useMemo } from 'react'
import { Button, Col, Form, Input, InputNumber, Row, Select, Space, Tag } from 'antd'
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { useI18n } from '../../../i18n/i18n.tsx'
import { DivisionSelect } from '../../../components/registry/DivisionSelect.tsx'
import { enumLabel, enumOptions } from '../../../components/registry/fields.tsx'
import { RegistryListPage } from '../../../components/registry/RegistryListPage.tsx'
import { SyntheticTag } from '../../../components/registry/SyntheticTag.tsx'
import { reserveKinds, reserves, type Reserve, type ReserveInput } from '../api/reserves.ts'

/** 协议储备 and 产能储备: suppliers, what they hold or can make, and how fast they answer. */
export function ReservesPage() {
  const { t } = useI18n()
  const columns = useMemo(() => [
    { title: t('reserve.supplier'), dataIndex: 'supplierName', render: (name: string, row: Reserve) => <>{name} <SyntheticTag synthetic={row.synthetic} /></> },
    { title: t('registry.type'), dataIndex: 'kind', render: (kind: Reserve['kind']) => <Tag color={kind === 'agreement' ? 'purple' : 'cyan'}>{enumLabel(t, 'reserve.kind', kind)}</Tag> },
    { title: t('reserve.items'), dataIndex: 'items', render: (items: Reserve['items']) => items.map((item) => `${item.name} ${item.quantity.toLocaleString()}${item.unit}`).join('、') || '—' },
    { title: t('reserve.responseHours'), dataIndex: 'responseHours', align: 'right' as const, render: (hours: number) => t('reserve.hours', { hours }) },
    { title: t('reserve.contact'), dataIndex: 'contactName', render: (name: string | null, row: Reserve) => (name ? `${name} ${row.contactPhone ?? ''}` : '—') },
    {
      title: t('reserve.contract'), key: 'contract',
      render: (_: unknown, row: Reserve) => (
        <>
          {row.contractStart || row.contractEnd ? `${row.contractStart ?? '…'} ~ ${row.contractEnd ?? '…'} ` : ''}
          <Tag color={row.inForce ? 'green' : 'default'}>{t(row.inForce ? 'reserve.inForce' : 'reserve.notInForce')}</Tag>
        </>
      ),
    },
    { title: t('registry.division'), dataIndex: 'divisionName' },
  ], [t])
  const required = (field: string) => [{ required: true, message: t('registry.required', { field }) }]

  return (
    <RegistryListPage<Reserve, Reserve, ReserveInput>
      resource={reserves}
      title={t('reserve.title')}
      testId="reserves"
      columns={columns}
      nameOf={(row) => row.supplierName}
      enterpriseWritable="all"
      excel={{ fileStem: t('reserve.title') }}
      filters={[{ name: 'kind', placeholder: t('registry.type'), options: enumOptions(t, 'reserve.kind', reserveKinds) }]}
      form={{
        width: 620,
        initial: { kind: 'agreement', responseHours: 12, items: [{ name: '', unit: '', quantity: 1 }] },
        fromDetail: (reserve) => reserve,
        toInput: ({ kind, ...values }, mode) => ({
          ...values,
          // The kind of a reserve is fixed once registered.
          ...(mode === 'create' ? { kind } : {}),
          contractStart: values.contractStart || null,
          contractEnd: values.contractEnd || null,
          items: values.items ?? [],
        }),
        fields: (
          <>
            <Form.Item name="supplierName" label={t('reserve.supplier')} rules={required(t('reserve.supplier'))}><Input maxLength={100} /></Form.Item>
            <Row gutter={12}>
              <Col span={12}><Form.Item name="kind" label={t('registry.type')} rules={required(t('registry.type'))}><Select options={enumOptions(t, 'reserve.kind', reserveKinds)} /></Form.Item></Col>
              <Col span={12}><Form.Item name="responseHours" label={t('reserve.responseHours')} rules={required(t('reserve.responseHours'))}><InputNumber min={0.1} step={0.5} style={{ width: '100%' }} /></Form.Item></Col>
            </Row>
            <Form.Item name="divisionCode" label={t('registry.division')} rules={required(t('registry.division'))}><DivisionSelect allowClear={false} /></Form.Item>
            <Row gutter={12}>
              <Col span={12}><Form.Item name="contactName" label={t('reserve.contact')}><Input maxLength={50} /></Form.Item></Col>
              <Col span={12}><Form.Item name="contactPhone" label={t('registry.phone')}><Input maxLength={30} /></Form.Item></Col>
            </Row>
            <Row gutter={12}>
              <Col span={12}><Form.Item name="contractStart" label={t('reserve.contractStart')}><Input type="date" /></Form.Item></Col>
              <Col span={12}><Form.Item name="contractEnd" label={t('reserve.contractEnd')}><Input type="date" /></Form.Item></Col>
            </Row>
            <Form.Item label={t('reserve.items')}>
              <Form.List name="items">
                {(items, { add, remove }) => (
                  <>
                    {items.map((item) => (
                      <Space key={item.key} align="start" style={{ display: 'flex' }}>
                        <Form.Item name={[item.name, 'name']} rules={[{ required: true, message: t('supply.name') }]} style={{ marginBottom: 8 }}><Input placeholder={t('supply.name')} maxLength={100} style={{ width: 200 }} /></Form.Item>
                        <Form.Item name={[item.name, 'quantity']} rules={[{ required: true, message: t('stock.quantity') }]} style={{ marginBottom: 8 }}><InputNumber min={1} precision={0} placeholder={t('stock.quantity')} style={{ width: 120 }} /></Form.Item>
                        <Form.Item name={[item.name, 'unit']} rules={[{ required: true, message: t('supply.unit') }]} style={{ marginBottom: 8 }}><Input placeholder={t('supply.unit')} maxLength={10} style={{ width: 80 }} /></Form.Item>
                        <Button icon={<MinusCircleOutlined />} onClick={() => remove(item.name)} aria-label={t('registry.delete')} />
                      </Space>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ quantity: 1 })}>{t('reserve.addItem')}</Button>
                  </>
                )}
              </Form.List>
            </Form.Item>
            <Form.Item name="note" label={t('registry.note')}><Input.TextArea autoSize maxLength={500} /></Form.Item>
          </>
        ),
      }}
    />
  )
}
