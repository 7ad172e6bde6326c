import { Alert, Form, Input, InputNumber, Modal, Select, Typography } from 'antd'
import { useState } from 'react'
import { useI18n } from '../../../i18n/i18n.tsx'
import { errorText } from '../../../lib/api-error.ts'
import { DivisionSelect } from '../../../components/registry/DivisionSelect.tsx'
import { LocationFields } from '../../../components/registry/fields.tsx'
import { useCreateDevice } from '../api/create-device.ts'
import { useDeviceTypes } from '../api/get-device-types.ts'
import type { CreatedDevice, DeviceInput } from '../api/types.ts'

/** Registers a device, then shows its machine key once (only its hash is kept). */
export function DeviceCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n()
  const [form] = Form.useForm<DeviceInput>()
  const types = useDeviceTypes()
  const create = useCreateDevice()
  const [created, setCreated] = useState<CreatedDevice | null>(null)
  const required = (field: string) => [{ required: true, message: t('registry.required', { field }) }]
  const close = () => {
    setCreated(null)
    create.reset()
    form.resetFields()
    onClose()
  }

  if (created) {
    return (
      <Modal open={open} title={t('monitoring.deviceCreated')} onOk={close} onCancel={close} cancelButtonProps={{ style: { display: 'none' } }} data-testid="device-key">
        <Alert type="warning" showIcon title={t('monitoring.apiKeyOnce')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph>{created.name}（{created.code}）</Typography.Paragraph>
        <Typography.Paragraph copyable code>{created.apiKey}</Typography.Paragraph>
      </Modal>
    )
  }
  return (
    <Modal
      open={open}
      title={t('monitoring.createDevice')}
      okText={t('registry.save')}
      cancelText={t('registry.cancel')}
      confirmLoading={create.isPending}
      onCancel={close}
      onOk={() => void form.validateFields().then((values) => create.mutate(values, { onSuccess: setCreated }))}
      destroyOnHidden
    >
      {create.error && <Alert type="error" showIcon title={errorText(create.error, locale)} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ expectedIntervalS: 300 }}>
        <Form.Item name="code" label={t('monitoring.deviceCode')} rules={required(t('monitoring.deviceCode'))}><Input maxLength={64} /></Form.Item>
        <Form.Item name="name" label={t('registry.name')} rules={required(t('registry.name'))}><Input maxLength={100} /></Form.Item>
        <Form.Item name="type" label={t('monitoring.deviceType')} rules={required(t('monitoring.deviceType'))}>
          <Select options={(types.data ?? []).map((type) => ({ value: type.type, label: locale === 'zh' ? type.name : type.nameEn }))} />
        </Form.Item>
        <Form.Item name="divisionCode" label={t('registry.division')} rules={required(t('registry.division'))}><DivisionSelect allowClear={false} /></Form.Item>
        <LocationFields required />
        <Form.Item name="expectedIntervalS" label={`${t('monitoring.expectedInterval')}（s）`}><InputNumber min={1} precision={0} style={{ width: '100%' }} /></Form.Item>
      </Form>
    </Modal>
  )
}
