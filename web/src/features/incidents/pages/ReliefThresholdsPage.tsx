import { useEffect, useState } from 'react'
import { Alert, App, Button, Card, Form, Input, InputNumber, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd'
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { MessageKey } from '../../../i18n/messages.ts'
import { errorText } from '../../../lib/api-error.ts'
import { useRegistrySession } from '../../../components/registry/session.tsx'
import { reliefCriteria, useReliefThresholds, useSaveReliefThresholds, type ReliefRules } from '../api/reliefThresholds.ts'
import { formatTime, levelNumeral } from '../components/format.ts'

/** 救助响应阈值: the thresholds the county grades natural disasters by; an admin edits them. */
export function ReliefThresholdsPage() {
  const { t, locale } = useI18n()
  const { message } = App.useApp()
  const { role } = useRegistrySession()
  const editable = role === 'admin'
  const thresholds = useReliefThresholds()
  const save = useSaveReliefThresholds()
  const [form] = Form.useForm<ReliefRules>()
  const [error, setError] = useState<string | null>(null)
  const data = thresholds.data

  useEffect(() => { if (data) form.setFieldsValue(data.rules) }, [data, form])

  const submit = (rules: ReliefRules | null) => {
    setError(null)
    save.mutate(rules, {
      onSuccess: () => { void message.success(t(rules === null ? 'incidents.relief.resetDone' : 'incidents.relief.saved')) },
      onError: (e) => setError(errorText(e, locale)),
    })
  }

  return (
    <Card
      size="small"
      data-testid="relief-thresholds"
      loading={thresholds.isLoading}
      title={<Space>{t('incidents.relief.title')}{data && <Tag color={data.origin === 'county' ? 'blue' : 'default'} data-testid="relief-origin">{t(data.origin === 'county' ? 'incidents.relief.county' : 'incidents.relief.national')}</Tag>}</Space>}
    >
      <Typography.Paragraph type="secondary">{t('incidents.relief.explain')}</Typography.Paragraph>
      {data?.updatedBy && <Typography.Paragraph type="secondary">{t('incidents.relief.updated', { by: data.updatedBy, at: formatTime(data.updatedAt) })}</Typography.Paragraph>}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="relief-error" />}
      <Form form={form} layout="vertical" disabled={!editable} onFinish={(values) => submit({ ...values, levels: values.levels.map((l) => Object.fromEntries(Object.entries(l).filter(([, v]) => v !== null && v !== undefined && v !== ''))) as ReliefRules['levels'] })}>
        <Space wrap align="start">
          <Form.Item name="plan" label={t('incidents.relief.plan')} rules={[{ required: true }]}><Input style={{ width: 380 }} /></Form.Item>
          <Form.Item name="countMissing" label={t('incidents.relief.countMissing')} valuePropName="checked"><Switch /></Form.Item>
          <Form.Item name="relocationAndAid" label={t('incidents.relief.relocationAndAid')}>
            <Select style={{ width: 220 }} options={[{ value: 'sum', label: t('incidents.relief.sum') }, { value: 'either', label: t('incidents.relief.either') }]} />
          </Form.Item>
        </Space>
        <Form.List name="levels">
          {(fields, { add, remove }) => (
            <>
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                scroll={{ x: true }}
                dataSource={fields}
                columns={[
                  { title: t('incidents.relief.level'), width: 130, render: (_, f) => <Form.Item name={[f.name, 'level']} noStyle><Select style={{ width: 120 }} options={[1, 2, 3, 4].map((l) => ({ value: l, label: t('incidents.levelName', { level: levelNumeral(l) }) }))} /></Form.Item> },
                  ...reliefCriteria.map((c) => ({
                    title: t(`incidents.relief.criterion.${c}` as MessageKey),
                    render: (_: unknown, f: { name: number }) => <Form.Item name={[f.name, c]} noStyle><InputNumber min={0} max={c === 'droughtAidShare' ? 1 : undefined} step={c === 'droughtAidShare' ? 0.01 : 1} style={{ width: 100 }} data-testid={`relief-${f.name}-${c}`} /></Form.Item>,
                  })),
                  { title: t('incidents.relief.verified'), render: (_, f) => <Form.Item name={[f.name, 'verified']} valuePropName="checked" noStyle><Switch size="small" /></Form.Item> },
                  { title: t('incidents.relief.source'), render: (_, f) => <Form.Item name={[f.name, 'source']} noStyle><Input style={{ width: 200 }} /></Form.Item> },
                  ...(editable ? [{ title: '', render: (_: unknown, f: { name: number }) => <Button type="text" icon={<DeleteOutlined />} aria-label={t('incidents.relief.removeLevel')} onClick={() => remove(f.name)} /> }] : []),
                ]}
              />
              {editable && <Button icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => add({ level: 4, verified: false, source: '' })}>{t('incidents.relief.addLevel')}</Button>}
            </>
          )}
        </Form.List>
        {editable && (
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="relief-save">{t('incidents.relief.save')}</Button>
            <Popconfirm title={t('incidents.relief.resetConfirm')} onConfirm={() => submit(null)}>
              <Button disabled={data?.origin !== 'county'}>{t('incidents.relief.reset')}</Button>
            </Popconfirm>
          </Space>
        )}
      </Form>
    </Card>
  )
}
