import { useState } from 'react'
import { Alert, Button, Col, Drawer, Form, Input, InputNumber, Row, Select, Space } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { MessageKey } from '../../../i18n/messages.ts'
import { errorText } from '../../../lib/api-error.ts'
import { DivisionSelect } from '../../../components/registry/DivisionSelect.tsx'
import { useCreateIncident, type IncidentInput } from '../api/incidents.ts'
import { incidentSubtypes, incidentTypes, type Incident, type IncidentType } from '../api/types.ts'
import { toLocalInput } from './format.ts'
import { PlacePicker } from './PlacePicker.tsx'

interface FormValues {
  callerName?: string
  callerPhone?: string
  calledAt: string
  place?: string
  whatHappened?: string
  title: string
  type: IncidentType
  subtype?: string
  divisionCode: string
  location?: { lon: number; lat: number }
  occurredAt: string
  deaths?: number
  missing?: number
  injured?: number
  seriousInjuries?: number
  affectedPeople?: number
  directLossYuan?: number
}

const factFields = ['deaths', 'missing', 'injured', 'seriousInjuries', 'affectedPeople', 'directLossYuan'] as const

/**
 * 值班接报 (the duty officer's call form: caller, phone, time, place on the map or a division,
 * what happened, type, facts) or a new incident without a call (`mode="manual"`).
 */
export function CallFormDrawer({ open, mode, onClose, onCreated }: { open: boolean; mode: 'call' | 'manual'; onClose: () => void; onCreated: (incident: Incident) => void }) {
  const { t, locale } = useI18n()
  const [form] = Form.useForm<FormValues>()
  const create = useCreateIncident()
  const type = Form.useWatch('type', form)
  const [error, setError] = useState<string | null>(null)

  const submit = (values: FormValues) => {
    const facts = Object.fromEntries(factFields.filter((key) => values[key] !== undefined && values[key] !== null).map((key) => [key, values[key]]))
    const input: IncidentInput = {
      title: values.title.trim(),
      type: values.type,
      ...(values.subtype ? { subtype: values.subtype } : {}),
      ...(values.whatHappened?.trim() ? { description: values.whatHappened.trim() } : {}),
      divisionCode: values.divisionCode,
      ...(values.location ? { location: values.location } : {}),
      occurredAt: new Date(values.occurredAt).toISOString(),
      source: mode,
      ...(mode === 'call'
        ? {
            call: {
              callerName: values.callerName!.trim(),
              ...(values.callerPhone?.trim() ? { callerPhone: values.callerPhone.trim() } : {}),
              calledAt: new Date(values.calledAt).toISOString(),
              ...(values.place?.trim() ? { place: values.place.trim() } : {}),
              ...(values.whatHappened?.trim() ? { whatHappened: values.whatHappened.trim() } : {}),
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
      onError: (failure) => setError(errorText(failure, locale)),
    })
  }

  const now = toLocalInput(new Date())
  return (
    <Drawer
      open={open}
      size={640}
      title={t(mode === 'call' ? 'incidents.callForm' : 'incidents.newIncident')}
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
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} initialValues={{ calledAt: now, occurredAt: now, type: 'natural' }}>
        {mode === 'call' && (
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="callerName" label={t('incidents.callerName')} rules={[{ required: true, whitespace: true, message: t('incidents.required') }]}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="callerPhone" label={t('incidents.callerPhone')} rules={[{ pattern: /^[0-9+\-\s]{5,20}$/, message: t('incidents.badPhone') }]}>
                <Input maxLength={20} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="calledAt" label={t('incidents.calledAt')} rules={[{ required: true, message: t('incidents.required') }]}>
                <Input type="datetime-local" />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item name="title" label={t('incidents.incidentTitle')} rules={[{ required: true, whitespace: true, message: t('incidents.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="whatHappened" label={t('incidents.whatHappened')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="type" label={t('incidents.type')} rules={[{ required: true, message: t('incidents.required') }]}>
              <Select
                options={incidentTypes.map((value) => ({ value, label: t(`incidents.type.${value}` as MessageKey) }))}
                onChange={() => form.setFieldValue('subtype', undefined)}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="subtype" label={t('incidents.subtype')}>
              <Select allowClear options={(incidentSubtypes[type as IncidentType] ?? []).map((value) => ({ value, label: t(`incidents.type.${value}` as MessageKey) }))} />
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
            <Form.Item name="place" label={t('incidents.place')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="location" label={t('incidents.pickOnMap')}>
          <PlacePicker />
        </Form.Item>
        <Row gutter={12}>
          {factFields.map((key) => (
            <Col span={8} key={key}>
              <Form.Item name={key} label={t(`incidents.fact.${key}` as MessageKey)}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </Drawer>
  )
}
