import { useState } from 'react'
import { Alert, Button, Col, Drawer, Form, Input, InputNumber, Row, Select, Space } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { MessageKey } from '../../../i18n/messages.ts'
import { ApiError, errorText } from '../../../lib/api-error.ts'
import { DivisionSelect } from '../../../components/registry/DivisionSelect.tsx'
import { useClassification, useCreateIncident, type IncidentInput } from '../api/incidents.ts'
import { incidentCategories, type IncidentCategory, type IncidentView } from '../api/types.ts'
import { countFacts } from './FactsCard.tsx'
import { toLocalInput } from './format.ts'
import { PlacePicker } from './PlacePicker.tsx'

interface FormValues {
  callerName?: string
  callerPhone?: string
  calledAt?: string
  account?: string
  title: string
  category: IncidentCategory
  subtype: string
  divisionCode: string
  address?: string
  location?: { lon: number; lat: number }
  occurredAt: string
  deaths?: number
  missing?: number
  injured?: number
  seriousInjuries?: number
  affected?: number
  evacuated?: number
  directLossYuan?: number
}

/** The server's field names (`body.caller.name` …) mapped to this form's. */
const formFieldOf: Record<string, keyof FormValues> = {
  'body.caller': 'callerName', 'body.caller.name': 'callerName', 'body.caller.phone': 'callerPhone', 'body.caller.calledAt': 'calledAt',
  'body.caller.account': 'account', 'body.description': 'account', 'body.title': 'title', 'body.category': 'category', 'body.subtype': 'subtype',
  'body.divisionCode': 'divisionCode', 'body.address': 'address', 'body.location': 'location', 'body.occurredAt': 'occurredAt',
}

/**
 * 值班接报 (the duty officer's call form: caller, phone, time, place on the map or a division,
 * what happened, type, facts), a village officer's report, or a new incident without a call.
 */
export function CallFormDrawer({ open, mode, village, onClose, onCreated }: {
  open: boolean
  mode: 'call' | 'manual'
  village?: boolean
  onClose: () => void
  onCreated: (incident: IncidentView) => void
}) {
  const { t, locale } = useI18n()
  const [form] = Form.useForm<FormValues>()
  const create = useCreateIncident()
  const classification = useClassification()
  const category = Form.useWatch('category', form)
  const [error, setError] = useState<string | null>(null)
  const isCall = mode === 'call'
  const subtypes = classification.data?.categories.find((entry) => entry.code === category)?.subtypes ?? []

  const submit = (values: FormValues) => {
    const facts = Object.fromEntries(countFacts.filter((key) => typeof values[key] === 'number').map((key) => [key, values[key]]))
    const text = (value: string | undefined) => value?.trim() || undefined
    const account = text(values.account)
    const input: IncidentInput = {
      category: values.category,
      subtype: values.subtype,
      title: values.title.trim(),
      ...(account ? { description: account } : {}),
      divisionCode: values.divisionCode,
      ...(values.location ? { location: values.location } : {}),
      ...(text(values.address) ? { address: text(values.address) } : {}),
      occurredAt: new Date(values.occurredAt).toISOString(),
      source: village ? 'village_report' : mode,
      ...(isCall
        ? {
            caller: {
              name: values.callerName!.trim(),
              ...(text(values.callerPhone) ? { phone: text(values.callerPhone) } : {}),
              ...(values.calledAt ? { calledAt: new Date(values.calledAt).toISOString() } : {}),
              ...(text(values.address) ? { place: text(values.address) } : {}),
              ...(account ? { account } : {}),
            },
          }
        : {}),
      ...(Object.keys(facts).length ? { facts } : {}),
    }
    setError(null)
    create.mutate(input, {
      onSuccess: (incident) => {
        form.resetFields()
        onCreated(incident)
      },
      onError: (failure) => {
        const field = failure instanceof ApiError && failure.field ? formFieldOf[failure.field] : undefined
        if (field) form.setFields([{ name: field, errors: [errorText(failure, locale)] }])
        setError(errorText(failure, locale))
      },
    })
  }

  const now = toLocalInput(new Date())
  const required = [{ required: true, whitespace: true, message: t('incidents.required') }]
  return (
    <Drawer
      open={open}
      size={680}
      title={t(isCall ? 'incidents.callForm' : village ? 'incidents.villageReport' : 'incidents.newIncident')}
      onClose={onClose}
      destroyOnHidden
      data-testid="call-form"
      extra={
        <Space>
          <Button onClick={onClose}>{t('incidents.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="call-form-submit">{t('incidents.submit')}</Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="call-form-error" />}
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} initialValues={{ calledAt: now, occurredAt: now, category: 'natural' }}>
        {isCall && (
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="callerName" label={t('incidents.callerName')} rules={required}><Input maxLength={50} /></Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="callerPhone" label={t('incidents.callerPhone')} rules={[{ pattern: /^[0-9+\- ]{3,20}$/, message: t('incidents.badPhone') }]}>
                <Input maxLength={20} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="calledAt" label={t('incidents.calledAt')}><Input type="datetime-local" /></Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item name="account" label={t('incidents.whatHappened')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="title" label={t('incidents.incidentTitle')} rules={required}>
          <Input maxLength={200} placeholder={t('incidents.titleHint')} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="category" label={t('incidents.type')} rules={[{ required: true, message: t('incidents.required') }]}>
              <Select
                options={incidentCategories.map((value) => ({ value, label: t(`incidents.category.${value}` as MessageKey) }))}
                onChange={() => form.setFieldValue('subtype', undefined)}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="subtype" label={t('incidents.subtype')} rules={[{ required: true, message: t('incidents.required') }]}>
              <Select
                loading={classification.isPending}
                options={subtypes.map((entry) => ({ value: entry.code, label: locale === 'en' ? entry.nameEn : entry.name }))}
                data-testid="subtype-select"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="occurredAt" label={t('incidents.occurredAt')} rules={[{ required: true, message: t('incidents.required') }]}>
              <Input type="datetime-local" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="divisionCode" label={t('incidents.division')} rules={[{ required: true, message: t('incidents.required') }]}>
              <DivisionSelect style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="address" label={t('incidents.place')}><Input maxLength={200} /></Form.Item>
          </Col>
        </Row>
        <Form.Item name="location" label={t('incidents.pickOnMap')}>
          <PlacePicker />
        </Form.Item>
        <Row gutter={12}>
          {countFacts.map((key) => (
            <Col span={8} key={key}>
              <Form.Item name={key} label={t(`incidents.fact.${key}` as MessageKey)}>
                <InputNumber min={0} precision={key === 'directLossYuan' ? 2 : 0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </Drawer>
  )
}
