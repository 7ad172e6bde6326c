import { useState } from 'react'
import { Alert, Button, Card, Descriptions, Drawer, Form, InputNumber, Space, Switch, Table, Tag, Typography } from 'antd'
import { SettingOutlined } from '@ant-design/icons'
import { useI18n } from '../../../i18n/i18n.tsx'
import { useRegistrySession } from '../../../components/registry/session.tsx'
import { useUpdateDevice } from '../api/update-device.ts'
import type { DeviceDetail, RuleOverride } from '../api/types.ts'
import { deviceWriterRoles } from './alarm-permissions.ts'

interface RuleRow { id: string; name: string; params: Record<string, number | null>; disabled: boolean }

const formatParams = (params: Record<string, number | null>) =>
  Object.entries(params).map(([key, value]) => `${key} = ${value ?? '—'}`).join('；')

/** Every rule of the device, including those the override switched off, with its parameters in force. */
function ruleRows(device: DeviceDetail, locale: 'zh' | 'en'): RuleRow[] {
  return (device.ruleSettings ?? []).map((rule) => ({ id: rule.id, name: locale === 'zh' ? rule.name.zh : rule.name.en, params: rule.params, disabled: rule.disabled }))
}

interface FormValues {
  stationParams: Record<string, number | null>
  rules: Record<string, { enabled: boolean; params: Record<string, number | null> }>
}

/**
 * 规则与阈值: the device's station parameters (警戒水位 …) and its effective rules with their
 * thresholds; writers edit both in a drawer, saved as the device's override. The server
 * re-assigns the rules at once and an alarm in force follows the new thresholds.
 */
export function DeviceRulesCard({ device }: { device: DeviceDetail }) {
  const { t, locale } = useI18n()
  const { role } = useRegistrySession()
  const [open, setOpen] = useState(false)
  const [form] = Form.useForm<FormValues>()
  const update = useUpdateDevice(device.id)
  const rows = ruleRows(device, locale)
  const stationParams = device.params ?? {}

  const start = () => {
    form.setFieldsValue({
      stationParams: { ...stationParams },
      rules: Object.fromEntries(rows.map((row) => [row.id, { enabled: !row.disabled, params: { ...row.params } }])),
    })
    setOpen(true)
  }

  const save = async () => {
    const values = await form.validateFields()
    const override: RuleOverride = { ...device.ruleOverride, rules: {} }
    for (const row of rows) {
      const edited = values.rules[row.id]
      if (!edited) continue
      // Only what differs from the rule in force is written: the defaults stay the defaults.
      const previous = device.ruleOverride?.rules?.[row.id]?.params ?? {}
      const changed = Object.fromEntries(Object.entries(edited.params ?? {}).filter(([key, value]) => value !== row.params[key] || key in previous))
      const entry = { ...(edited.enabled ? {} : { disabled: true }), ...(Object.keys(changed).length > 0 ? { params: changed } : {}) }
      if (Object.keys(entry).length > 0) override.rules![row.id] = entry
    }
    await update.mutateAsync({ params: values.stationParams ?? {}, ruleOverride: override })
    setOpen(false)
  }

  return (
    <Card
      size="small"
      title={t('monitoring.rulesTitle')}
      style={{ marginBottom: 12 }}
      extra={deviceWriterRoles.includes(role) && <Button size="small" icon={<SettingOutlined />} onClick={start} data-testid="device-rules-edit">{t('monitoring.rulesEdit')}</Button>}
      data-testid="device-rules"
    >
      {Object.keys(stationParams).length > 0 && (
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 8 }}>
          {Object.entries(stationParams).map(([key, value]) => <Descriptions.Item key={key} label={key}>{value ?? '—'}</Descriptions.Item>)}
        </Descriptions>
      )}
      {(device.ruleProblems ?? []).map((problem) => (
        <Alert key={`${problem.ruleId}-${problem.field}`} type="warning" showIcon style={{ marginBottom: 8 }} title={`${problem.ruleId}: ${locale === 'zh' ? problem.message : problem.messageEn}`} />
      ))}
      <Table<RuleRow>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('monitoring.rule'), dataIndex: 'name', render: (name: string, row) => <Space direction="vertical" size={0}><span>{name}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{row.id}</Typography.Text></Space> },
          { title: t('monitoring.ruleParams'), dataIndex: 'params', render: (params: RuleRow['params']) => <Typography.Text style={{ fontSize: 12 }}>{formatParams(params)}</Typography.Text> },
          { title: t('registry.status'), dataIndex: 'disabled', width: 90, render: (disabled: boolean) => disabled ? <Tag>{t('monitoring.ruleDisabled')}</Tag> : <Tag color="green">{t('monitoring.ruleEnabled')}</Tag> },
        ]}
      />
      <Drawer
        open={open}
        size={560}
        title={t('monitoring.rulesEdit')}
        onClose={() => setOpen(false)}
        destroyOnHidden
        extra={<Button type="primary" loading={update.isPending} onClick={() => void save()} data-testid="device-rules-save">{t('registry.save')}</Button>}
      >
        <Form form={form} layout="vertical" size="small">
          {Object.keys(stationParams).length > 0 && (
            <>
              <Typography.Title level={5}>{t('monitoring.stationParams')}</Typography.Title>
              <Space wrap>
                {Object.keys(stationParams).map((key) => (
                  <Form.Item key={key} name={['stationParams', key]} label={key}><InputNumber style={{ width: 160 }} /></Form.Item>
                ))}
              </Space>
            </>
          )}
          {rows.map((row) => (
            <div key={row.id} data-testid={`rule-${row.id}`}>
              <Space style={{ marginTop: 8 }}>
                <Typography.Text strong>{row.name}</Typography.Text>
                <Form.Item name={['rules', row.id, 'enabled']} valuePropName="checked" noStyle><Switch checkedChildren={t('monitoring.ruleEnabled')} unCheckedChildren={t('monitoring.ruleDisabled')} /></Form.Item>
              </Space>
              <Space wrap style={{ marginTop: 4 }}>
                {Object.keys(row.params).map((key) => (
                  <Form.Item key={key} name={['rules', row.id, 'params', key]} label={key}><InputNumber style={{ width: 140 }} /></Form.Item>
                ))}
              </Space>
            </div>
          ))}
        </Form>
      </Drawer>
    </Card>
  )
}
