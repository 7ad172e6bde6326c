import { useState } from 'react'
import { Button, Card, Descriptions, Form, Input, InputNumber, List, Modal, Space, Typography } from 'antd'
import { CheckOutlined, EditOutlined } from '@ant-design/icons'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { MessageKey } from '../../../i18n/messages.ts'
import { useMarkReported, useUpdateFacts } from '../api/incidents.ts'
import type { IncidentFacts, IncidentCore, ReportingDeadline } from '../api/types.ts'
import { Countdown } from './Countdown.tsx'
import { formatTime } from './format.ts'
import { GradeTag, ResponseLevelTag, typeText } from './tags.tsx'

export const countFacts = ['deaths', 'missing', 'injured', 'seriousInjuries', 'affected', 'evacuated', 'directLossYuan'] as const

/** The incident's facts, grade or suggested relief level, response, and the reporting deadlines counting down. */
export function FactsCard({ incident, canEdit }: { incident: IncidentCore; canEdit: boolean }) {
  const { t, locale } = useI18n()
  const [editing, setEditing] = useState(false)
  const markReported = useMarkReported(incident.id)
  const facts = incident.facts ?? {}
  const shown = countFacts.filter((key) => facts[key] !== undefined)
  const deadlines = incident.reportingDeadlines ?? []
  const firstPending = deadlines.find((deadline) => deadline.doneAt === null)
  const open = incident.status !== 'closed'
  return (
    <Card
      size="small"
      title={t('incidents.facts')}
      data-testid="incident-facts"
      extra={canEdit && open && <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-facts">{t('incidents.editFacts')}</Button>}
    >
      <Descriptions size="small" column={2} styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('incidents.type')}>{typeText(incident, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('incidents.division')}>{incident.divisionName ?? incident.divisionCode}</Descriptions.Item>
        <Descriptions.Item label={t('incidents.occurredAt')}>{formatTime(incident.occurredAt)}</Descriptions.Item>
        <Descriptions.Item label={t('incidents.source')}>{t(`incidents.source.${incident.source}` as MessageKey)}</Descriptions.Item>
        {incident.accidentGrade && <Descriptions.Item label={t('incidents.grade')}><GradeTag grade={incident.accidentGrade} /></Descriptions.Item>}
        {incident.reliefSuggestion && incident.reliefSuggestion.level !== null && (
          <Descriptions.Item label={t('incidents.reliefLevel')}><GradeTag grade={incident.reliefSuggestion} testId="relief-level" /></Descriptions.Item>
        )}
        <Descriptions.Item label={t('incidents.responseLevel')} span={2}>
          <Space size={4} wrap>
            <ResponseLevelTag level={incident.response?.level} />
            {incident.response && <Typography.Text type="secondary">{incident.response.planName} · {incident.response.activatedBy} · {formatTime(incident.response.activatedAt)}</Typography.Text>}
          </Space>
        </Descriptions.Item>
        {facts.warningLevel && <Descriptions.Item label={t('incidents.fact.warningLevel')}>{t(`incidents.warning.${facts.warningLevel}` as MessageKey)}</Descriptions.Item>}
        {typeof facts.waterLevelAboveWarningM === 'number' && (
          <Descriptions.Item label={t('incidents.fact.waterLevelAboveWarningM')}><span data-testid="fact-water">{facts.waterLevelAboveWarningM.toFixed(2)} m</span></Descriptions.Item>
        )}
        {shown.map((key) => (
          <Descriptions.Item key={key} label={t(`incidents.fact.${key}` as MessageKey)}>
            <span data-testid={`fact-${key}`}>{Number(facts[key]).toLocaleString()}</span>
          </Descriptions.Item>
        ))}
        {incident.caller && (
          <Descriptions.Item label={t('incidents.callerName')} span={2}>
            {incident.caller.name}{incident.caller.phone && ` · ${incident.caller.phone}`}{incident.caller.calledAt && ` · ${formatTime(incident.caller.calledAt)}`}
          </Descriptions.Item>
        )}
        {incident.address && <Descriptions.Item label={t('incidents.place')} span={2}>{incident.address}</Descriptions.Item>}
        {incident.description && <Descriptions.Item label={t('incidents.whatHappened')} span={2}>{incident.description}</Descriptions.Item>}
      </Descriptions>
      {deadlines.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 8 }}>{t('incidents.deadlines')}</Typography.Title>
          <List<ReportingDeadline>
            size="small"
            dataSource={deadlines}
            data-testid="reporting-deadlines"
            renderItem={(row) => (
              <List.Item
                data-testid="reporting-step"
                data-state={row.state}
                extra={
                  row.doneAt ? (
                    <Typography.Text type={row.state === 'done_late' ? 'warning' : 'success'} style={{ whiteSpace: 'nowrap' }}>
                      {t(row.state === 'done_late' ? 'incidents.reportedLate' : 'incidents.deadlineDone')} {formatTime(row.doneAt).slice(5)}
                    </Typography.Text>
                  ) : (
                    <Space size={4}>
                      <Countdown dueAt={row.dueAt} testId="deadline-countdown" />
                      {canEdit && open && firstPending?.step === row.step && (
                        <Button size="small" type="link" icon={<CheckOutlined />} loading={markReported.isPending} onClick={() => markReported.mutate(row.step)} data-testid="mark-reported">
                          {t('incidents.markReported')}
                        </Button>
                      )}
                    </Space>
                  )
                }
              >
                <div style={{ minWidth: 0 }}>
                  <Typography.Text ellipsis={{ tooltip: true }} style={{ maxWidth: '100%' }}>{locale === 'en' ? row.authorityEn : row.authority}</Typography.Text>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('incidents.dueAt')} {formatTime(row.dueAt)}（{row.limitHours} h，{row.article}）
                    </Typography.Text>
                  </div>
                </div>
              </List.Item>
            )}
          />
        </>
      )}
      <FactsModal open={editing} incident={incident} onClose={() => setEditing(false)} />
    </Card>
  )
}

type FactsForm = Pick<IncidentFacts, (typeof countFacts)[number]> & { note?: string }

function FactsModal({ open, incident, onClose }: { open: boolean; incident: IncidentCore; onClose: () => void }) {
  const { t } = useI18n()
  const [form] = Form.useForm<FactsForm>()
  const update = useUpdateFacts(incident.id)
  return (
    <Modal open={open} title={t('incidents.editFacts')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={update.isPending} destroyOnHidden>
      <Form<FactsForm>
        form={form}
        layout="vertical"
        initialValues={incident.facts}
        onFinish={({ note, ...values }) => {
          // An emptied field clears the fact (null); untouched ones are sent as they are.
          const body = Object.fromEntries(countFacts.map((key) => [key, values[key] ?? null]))
          update.mutate({ ...body, ...(note?.trim() ? { note: note.trim() } : {}) }, { onSuccess: onClose })
        }}
      >
        <Space wrap>
          {countFacts.map((key) => (
            <Form.Item key={key} name={key} label={t(`incidents.fact.${key}` as MessageKey)}>
              <InputNumber min={0} precision={key === 'directLossYuan' ? 2 : 0} style={{ width: 180 }} />
            </Form.Item>
          ))}
        </Space>
        <Form.Item name="note" label={t('incidents.factsNote')}><Input maxLength={500} /></Form.Item>
      </Form>
    </Modal>
  )
}
