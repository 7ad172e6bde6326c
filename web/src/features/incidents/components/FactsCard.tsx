import { useState } from 'react'
import { Button, Card, Descriptions, Form, InputNumber, Modal, Space, Table, Typography } from 'antd'
import { EditOutlined } from '@ant-design/icons'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { MessageKey } from '../../../i18n/messages.ts'
import { useUpdateFacts } from '../api/incidents.ts'
import type { Incident, IncidentFacts, ReportingDeadline } from '../api/types.ts'
import { Countdown } from './Countdown.tsx'
import { formatTime } from './format.ts'
import { GradeTag, ResponseLevelTag, useTypeName } from './tags.tsx'

const countFacts = ['deaths', 'missing', 'injured', 'seriousInjuries', 'affectedPeople', 'evacuated', 'directLossYuan'] as const

/** The incident's facts, grade, response and the reporting deadlines counting down. */
export function FactsCard({ incident, canEdit }: { incident: Incident; canEdit: boolean }) {
  const { t, locale } = useI18n()
  const typeName = useTypeName()
  const [editing, setEditing] = useState(false)
  const facts = incident.facts ?? {}
  const shown = countFacts.filter((key) => facts[key] !== undefined && facts[key] !== null)
  const deadlines = incident.deadlines ?? []
  return (
    <Card
      size="small"
      title={t('incidents.facts')}
      data-testid="incident-facts"
      extra={canEdit && incident.status !== 'closed' && <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-facts">{t('incidents.editFacts')}</Button>}
    >
      <Descriptions size="small" column={2} styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('incidents.type')}>{typeName(incident.type)}{incident.subtype && ` · ${typeName(incident.subtype)}`}</Descriptions.Item>
        <Descriptions.Item label={t('incidents.division')}>{incident.divisionName ?? incident.divisionCode}</Descriptions.Item>
        <Descriptions.Item label={t('incidents.occurredAt')}>{formatTime(incident.occurredAt)}</Descriptions.Item>
        <Descriptions.Item label={t('incidents.source')}>{t(`incidents.source.${incident.source}` as MessageKey) ?? incident.source}</Descriptions.Item>
        <Descriptions.Item label={t('incidents.grade')}><GradeTag grade={incident.grade} /></Descriptions.Item>
        <Descriptions.Item label={t('incidents.responseLevel')}>
          <ResponseLevelTag level={incident.response?.level} />
          {incident.response?.planName && <Typography.Text type="secondary">{incident.response.planName}</Typography.Text>}
        </Descriptions.Item>
        {facts.warningLevel && <Descriptions.Item label={t('incidents.fact.warningLevel')}>{t(`incidents.warning.${facts.warningLevel}` as MessageKey)}</Descriptions.Item>}
        {typeof facts.waterLevelAboveWarningM === 'number' && (
          <Descriptions.Item label={t('incidents.fact.waterLevelAboveWarningM')}>{facts.waterLevelAboveWarningM.toFixed(2)} m</Descriptions.Item>
        )}
        {shown.map((key) => (
          <Descriptions.Item key={key} label={t(`incidents.fact.${key}` as MessageKey)}>
            <span data-testid={`fact-${key}`}>{Number(facts[key]).toLocaleString()}</span>
          </Descriptions.Item>
        ))}
        {incident.call?.callerName && (
          <Descriptions.Item label={t('incidents.callerName')} span={2}>
            {incident.call.callerName}{incident.call.callerPhone && ` · ${incident.call.callerPhone}`}{incident.call.calledAt && ` · ${formatTime(incident.call.calledAt)}`}
          </Descriptions.Item>
        )}
        {incident.description && <Descriptions.Item label={t('incidents.whatHappened')} span={2}>{incident.description}</Descriptions.Item>}
      </Descriptions>
      {deadlines.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 8 }}>{t('incidents.deadlines')}</Typography.Title>
          <Table<ReportingDeadline>
            size="small"
            rowKey="step"
            pagination={false}
            dataSource={deadlines}
            data-testid="reporting-deadlines"
            columns={[
              { title: t('incidents.reportTo'), dataIndex: 'authority', render: (text: string, row) => (locale === 'en' && row.authorityEn ? row.authorityEn : text) },
              { title: t('incidents.dueAt'), dataIndex: 'dueAt', render: (value: string) => formatTime(value) },
              { title: t('incidents.countdown'), key: 'left', render: (_, row) => <Countdown dueAt={row.dueAt} done={row.status === 'done'} testId="deadline-countdown" /> },
            ]}
          />
        </>
      )}
      <FactsModal open={editing} incident={incident} onClose={() => setEditing(false)} />
    </Card>
  )
}

function FactsModal({ open, incident, onClose }: { open: boolean; incident: Incident; onClose: () => void }) {
  const { t } = useI18n()
  const [form] = Form.useForm<IncidentFacts>()
  const update = useUpdateFacts(incident.id)
  return (
    <Modal
      open={open}
      title={t('incidents.editFacts')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <Form<IncidentFacts>
        form={form}
        layout="vertical"
        initialValues={incident.facts}
        onFinish={(values) => {
          const changed = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== null))
          update.mutate(changed, { onSuccess: onClose })
        }}
      >
        <Space wrap>
          {countFacts.map((key) => (
            <Form.Item key={key} name={key} label={t(`incidents.fact.${key}` as MessageKey)}>
              <InputNumber min={0} precision={0} style={{ width: 180 }} />
            </Form.Item>
          ))}
        </Space>
      </Form>
    </Modal>
  )
}
