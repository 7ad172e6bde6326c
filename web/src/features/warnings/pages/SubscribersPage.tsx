import { useState } from 'react'
import { App, Button, Card, Col, Drawer, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Switch, Table, Tag } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { MessageKey } from '../../../i18n/messages.ts'
import { ApiError } from '../../../lib/api-error.ts'
import { DivisionSelect } from '../../../components/registry/DivisionSelect.tsx'
import { useRegistrySession } from '../../../components/registry/session.tsx'
import { SyntheticTag } from '../../../components/registry/SyntheticTag.tsx'
import { channels, subscriberRoles, type Subscriber } from '../api/types.ts'
import { useDeleteSubscriber, useSaveSubscriber, useSubscribers } from '../api/subscribers.ts'
import { subscriberWriterRoles } from '../components/permissions.ts'

interface FormValues {
  name: string
  kind: 'responsible' | 'public'
  role: string
  divisionCode?: string | null
  lon?: number | null
  lat?: number | null
  phone?: string
  email?: string
  wecomWebhook?: string
  dingtalkWebhook?: string
  channels: string[]
  active: boolean
}

const blank = (text: string | undefined | null) => (text && text.trim() !== '' ? text.trim() : null)

/** 接收人: responsible persons and public opt-ins, with division and/or location and channels. */
export function SubscribersPage() {
  const { t } = useI18n()
  const { message } = App.useApp()
  const { role } = useRegistrySession()
  const canWrite = subscriberWriterRoles.includes(role)
  const [page, setPage] = useState(1)
  const [q, setQ] = useState('')
  const list = useSubscribers({ page, pageSize: 20, q: q || undefined })
  const save = useSaveSubscriber()
  const remove = useDeleteSubscriber()
  const [editing, setEditing] = useState<Subscriber | 'new' | null>(null)
  const [form] = Form.useForm<FormValues>()
  const label = (prefix: string, key: string) => {
    const text = t(`${prefix}.${key}` as MessageKey)
    return text && !text.startsWith(`${prefix}.`) ? text : key
  }

  const open = (subscriber: Subscriber | 'new') => {
    setEditing(subscriber)
    form.resetFields()
    if (subscriber !== 'new') {
      form.setFieldsValue({
        name: subscriber.name, kind: subscriber.kind, role: subscriber.role, divisionCode: subscriber.divisionCode,
        lon: subscriber.location?.lon ?? subscriber.lon ?? null, lat: subscriber.location?.lat ?? subscriber.lat ?? null,
        phone: subscriber.phone ?? undefined, email: subscriber.email ?? undefined, wecomWebhook: subscriber.wecomWebhook ?? undefined,
        dingtalkWebhook: subscriber.dingtalkWebhook ?? undefined, channels: subscriber.channels, active: subscriber.active ?? true,
      })
    } else form.setFieldsValue({ kind: 'responsible', role: 'village_leader', channels: ['sms'], active: true })
  }

  const onSave = async (values: FormValues) => {
    const body: Record<string, unknown> = {
      name: values.name.trim(), kind: values.kind, role: values.role, divisionCode: values.divisionCode ?? null,
      phone: blank(values.phone), email: blank(values.email), wecomWebhook: blank(values.wecomWebhook), dingtalkWebhook: blank(values.dingtalkWebhook),
      channels: values.channels, active: values.active,
    }
    if (values.lon != null && values.lat != null) body.location = { lon: values.lon, lat: values.lat }
    else if (editing !== 'new') body.location = null
    // A new subscriber sends only what is filled in.
    if (editing === 'new') for (const key of Object.keys(body)) if (body[key] === null) delete body[key]
    try {
      await save.mutateAsync({ id: editing === 'new' || !editing ? undefined : editing.id, body })
      message.success(t('warnings.action.done'))
      setEditing(null)
    } catch (error) {
      const field = error instanceof ApiError ? error.field?.replace(/^body\./, '').split('.')[0] : undefined
      if (field && form.getFieldInstance(field as keyof FormValues)) form.setFields([{ name: field as keyof FormValues, errors: [(error as Error).message] }])
      else message.error((error as Error).message)
    }
  }

  return (
    <Card
      title={t('warnings.subscribers')}
      extra={<Space>
        <Input.Search allowClear placeholder={t('warnings.sub.search')} onSearch={(value) => { setQ(value); setPage(1) }} style={{ width: 200 }} />
        {canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="subscriber-new">{t('warnings.sub.new')}</Button>}
      </Space>}
    >
      <Table<Subscriber>
        rowKey="id"
        size="middle"
        loading={list.isFetching && !list.data}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        data-testid="subscribers-table"
        columns={[
          { title: t('warnings.sub.name'), key: 'name', render: (_, s) => <Space size={4}>{s.name}<SyntheticTag synthetic={Boolean(s.synthetic)} />{s.active === false && <Tag>{t('warnings.sub.active')}: ✗</Tag>}</Space> },
          { title: t('warnings.sub.kind'), dataIndex: 'kind', width: 90, render: (kind: string) => <Tag color={kind === 'responsible' ? 'blue' : 'default'}>{label('warnings.kind', kind)}</Tag> },
          { title: t('warnings.sub.role'), dataIndex: 'role', width: 130, render: (r: string) => label('warnings.role', r) },
          { title: t('warnings.sub.division'), key: 'division', render: (_, s) => s.divisionName ?? s.divisionCode ?? '—' },
          { title: t('warnings.sub.phone'), dataIndex: 'phone', width: 130, render: (p?: string | null) => p ?? '—' },
          { title: t('warnings.sub.channels'), dataIndex: 'channels', render: (list: string[]) => list.map((c) => <Tag key={c}>{label('warnings.channel', c)}</Tag>) },
          ...(canWrite ? [{
            title: t('warnings.col.actions'), key: 'actions', width: 150,
            render: (_: unknown, s: Subscriber) => (
              <Space size={4}>
                <Button size="small" onClick={() => open(s)}>{t('warnings.action.edit')}</Button>
                <Popconfirm title="?" onConfirm={() => remove.mutateAsync(s.id).catch((e: Error) => message.error(e.message))}><Button size="small" danger>×</Button></Popconfirm>
              </Space>
            ),
          }] : []),
        ]}
      />
      <Drawer
        open={editing !== null}
        width={480}
        title={editing === 'new' ? t('warnings.sub.new') : t('warnings.sub.edit')}
        onClose={() => setEditing(null)}
        destroyOnHidden
        extra={<Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="subscriber-save">{t('warnings.sub.save')}</Button>}
      >
        <Form form={form} layout="vertical" onFinish={onSave} data-testid="subscriber-form">
          <Form.Item name="name" label={t('warnings.sub.name')} rules={[{ required: true, message: t('warnings.form.required') }]}><Input maxLength={100} /></Form.Item>
          <Row gutter={12}>
            <Col span={12}><Form.Item name="kind" label={t('warnings.sub.kind')}><Select options={['responsible', 'public'].map((k) => ({ value: k, label: label('warnings.kind', k) }))} /></Form.Item></Col>
            <Col span={12}><Form.Item name="role" label={t('warnings.sub.role')}><Select options={subscriberRoles.map((r) => ({ value: r, label: label('warnings.role', r) }))} /></Form.Item></Col>
          </Row>
          <Form.Item name="divisionCode" label={t('warnings.sub.division')}><DivisionSelect /></Form.Item>
          <Row gutter={12}>
            <Col span={12}><Form.Item name="lon" label={t('warnings.sub.lon')}><InputNumber min={-180} max={180} step={0.001} style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={12}><Form.Item name="lat" label={t('warnings.sub.lat')}><InputNumber min={-90} max={90} step={0.001} style={{ width: '100%' }} /></Form.Item></Col>
          </Row>
          <Form.Item name="channels" label={t('warnings.sub.channels')} rules={[{ required: true, message: t('warnings.form.required') }]}>
            <Select mode="multiple" options={channels.map((c) => ({ value: c, label: label('warnings.channel', c) }))} />
          </Form.Item>
          <Form.Item name="phone" label={t('warnings.sub.phone')}><Input maxLength={20} /></Form.Item>
          <Form.Item name="email" label={t('warnings.sub.email')}><Input maxLength={200} /></Form.Item>
          <Form.Item name="wecomWebhook" label={t('warnings.sub.wecom')}><Input maxLength={500} /></Form.Item>
          <Form.Item name="dingtalkWebhook" label={t('warnings.sub.dingtalk')}><Input maxLength={500} /></Form.Item>
          <Form.Item name="active" label={t('warnings.sub.active')} valuePropName="checked"><Switch /></Form.Item>
        </Form>
      </Drawer>
    </Card>
  )
}
