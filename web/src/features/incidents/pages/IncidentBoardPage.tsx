import { useState } from 'react'
import { Button, Card, Col, Empty, Input, List, Modal, Result, Row, Space, Spin, Tabs, Tag, Typography } from 'antd'
import { ArrowLeftOutlined, NotificationOutlined } from '@ant-design/icons'
import { Link, useParams } from 'react-router'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { MessageKey } from '../../../i18n/messages.ts'
import { useRegistrySession } from '../../../components/registry/session.tsx'
import { ApiError } from '../../../lib/api-error.ts'
import { useCloseIncident, useIncident, useSuggestions } from '../api/incidents.ts'
import type { IncidentDetail, NearbyKind } from '../api/types.ts'
import { AttachmentsCard } from '../components/AttachmentsCard.tsx'
import { CommandLog } from '../components/CommandLog.tsx'
import { FactsCard } from '../components/FactsCard.tsx'
import { formatTime } from '../components/format.ts'
import { IncidentMap } from '../components/IncidentMap.tsx'
import { NearbyList } from '../components/NearbyList.tsx'
import { SitrepPanel } from '../components/SitrepPanel.tsx'
import { commanderRoles, SuggestionsCard } from '../components/SuggestionsCard.tsx'
import { IncidentStatusTag } from '../components/tags.tsx'
import { TaskBoard } from '../components/TaskBoard.tsx'
import { TeamSuggestionsCard } from '../components/TeamSuggestionsCard.tsx'
import { useIncidentStream } from '../stream/use-incident-stream.ts'
import { reporterRoles } from './IncidentsPage.tsx'

/** Roles that work the incident (tasks, log, facts, sitreps); the server checks again, with the jurisdiction. */
const workerRoles: readonly string[] = ['admin', 'duty_officer', 'commander', 'department', 'township']
/** Village officers also act on tasks (the server lets them: tasks reach the village). */
const taskRoles: readonly string[] = [...workerRoles, 'village']

/** Roles that close an incident. */
const closerRoles: readonly string[] = ['admin', 'duty_officer', 'commander']

const warningColours: Record<string, string> = { blue: 'blue', yellow: 'gold', orange: 'orange', red: 'red' }

/** 事件指挥板 `/incidents/:id`. */
export function IncidentBoardPage() {
  const { id = '' } = useParams()
  const { t } = useI18n()
  const incident = useIncident(id)
  if (incident.isPending) return <Spin style={{ display: 'block', margin: 80 }} />
  if (!incident.data) {
    const status = incident.error instanceof ApiError ? incident.error.status : 0
    return <Result status={status === 403 ? '403' : '404'} title={t(status === 403 ? 'incidents.forbidden' : 'incidents.notFound')} extra={<Link to="/incidents">{t('incidents.backToList')}</Link>} />
  }
  return <Board incident={incident.data} />
}

function Board({ incident }: { incident: IncidentDetail }) {
  const { t } = useI18n()
  const { role } = useRegistrySession()
  useIncidentStream(incident.id)
  const suggestions = useSuggestions(incident.id)
  const [visible, setVisible] = useState<NearbyKind[]>(['team', 'depot', 'shelter', 'hazard_point', 'risk_point'])
  const [tab, setTab] = useState('tasks')
  const canWork = workerRoles.includes(role)
  const canActivate = commanderRoles.includes(role)
  const items = suggestions.data?.nearby ?? []
  const openTasks = incident.tasks.filter((task) => task.status !== 'done').length

  return (
    <div data-testid="incident-board" data-incident-id={incident.id}>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Link to="/incidents" aria-label={t('incidents.backToList')}><ArrowLeftOutlined /></Link>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="incident-title">{incident.title}</Typography.Title>
            <IncidentStatusTag status={incident.status} />
            {incident.synthetic && <Tag>{t('incidents.synthetic')}</Tag>}
            <Typography.Text type="secondary">{t('incidents.reportedAt')} {formatTime(incident.reportedAt)} · {incident.createdBy}</Typography.Text>
          </Space>
          <Space>
            {reporterRoles.includes(role) && incident.status !== 'closed' && (
              <Link to={`/warnings/new?incidentId=${incident.id}`} data-testid="incident-to-warning">
                <Button icon={<NotificationOutlined />}>{t('incidents.issueWarning')}</Button>
              </Link>
            )}
            {closerRoles.includes(role) && incident.status !== 'closed' && <CloseButton incidentId={incident.id} />}
          </Space>
        </Space>
        {incident.status === 'closed' && incident.closeSummary && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('incidents.closedAt', { at: formatTime(incident.closedAt) })}：{incident.closeSummary}</Typography.Paragraph>
        )}
      </Card>
      <Row gutter={12}>
        <Col xs={24} xl={13}>
          <Card size="small" title={t('incidents.map')} style={{ marginBottom: 12 }} extra={suggestions.data?.radiusKm && <Typography.Text type="secondary">{t('incidents.withinKm', { km: suggestions.data.radiusKm })}</Typography.Text>}>
            <IncidentMap location={incident.location} items={items} visible={visible} />
            <div style={{ marginTop: 8 }}>
              <NearbyList items={items} visible={visible} onVisibleChange={setVisible} />
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={11}>
          <div style={{ marginBottom: 12 }}><FactsCard incident={incident} canEdit={canWork} /></div>
          <div style={{ marginBottom: 12 }}>
            <SuggestionsCard incident={incident} plans={suggestions.data?.plans ?? []} loading={suggestions.isPending} canActivate={canActivate} />
          </div>
          <div style={{ marginBottom: 12 }}><TeamSuggestionsCard incident={incident} /></div>
          <WarningsCard incident={incident} />
          <AttachmentsCard incidentId={incident.id} attachments={incident.attachments} tasks={incident.tasks} canUpload={reporterRoles.includes(role)} />
        </Col>
      </Row>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'tasks',
              label: <span data-testid="tab-tasks">{t('incidents.tasks')} <Tag color={openTasks ? 'blue' : 'default'} data-testid="open-task-count">{openTasks}</Tag></span>,
              children: <TaskBoard incidentId={incident.id} tasks={incident.tasks} canAct={taskRoles.includes(role) && incident.status !== 'closed'} />,
            },
            {
              key: 'log',
              label: <span data-testid="tab-log">{t('incidents.commandLog')} <Tag>{incident.log.length}</Tag></span>,
              children: <CommandLog incidentId={incident.id} entries={incident.log} canWrite={canWork} />,
            },
            {
              key: 'sitreps',
              label: <span data-testid="tab-sitreps">{t('incidents.sitreps')} <Tag>{incident.sitreps.length}</Tag></span>,
              children: <SitrepPanel incidentId={incident.id} sitreps={incident.sitreps} canWrite={canWork} />,
            },
          ]}
        />
      </Card>
    </div>
  )
}

function CloseButton({ incidentId }: { incidentId: string }) {
  const { t } = useI18n()
  const close = useCloseIncident(incidentId)
  const [open, setOpen] = useState(false)
  const [summary, setSummary] = useState('')
  return (
    <>
      <Button danger onClick={() => setOpen(true)} data-testid="incident-close">{t('incidents.close')}</Button>
      <Modal
        open={open}
        title={t('incidents.closeConfirm')}
        okButtonProps={{ danger: true, disabled: !summary.trim() }}
        confirmLoading={close.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => close.mutate(summary.trim(), { onSuccess: () => setOpen(false) })}
        destroyOnHidden
      >
        <Input.TextArea rows={3} maxLength={4000} value={summary} onChange={(event) => setSummary(event.target.value)} placeholder={t('incidents.closeSummary')} aria-label={t('incidents.closeSummary')} />
      </Modal>
    </>
  )
}

/** Warnings issued for the incident (from its alarm or covering its place) and the way to draft one. */
function WarningsCard({ incident }: { incident: IncidentDetail }) {
  const { t } = useI18n()
  return (
    <Card
      size="small"
      title={t('incidents.warnings')}
      data-testid="incident-warnings"
      style={{ marginBottom: 12 }}
      extra={incident.status !== 'closed' && <Link to={`/warnings/new?incidentId=${incident.id}`}>{t('incidents.issueWarning')}</Link>}
    >
      {incident.warnings.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('incidents.noWarnings')} />
      ) : (
        <List
          size="small"
          dataSource={incident.warnings}
          renderItem={(warning) => (
            <List.Item>
              <Space wrap>
                <Tag color={warningColours[warning.level]}>{warning.levelName}</Tag>
                <Link to={`/warnings/${warning.id}`}>{warning.headline}</Link>
              </Space>
              <Typography.Text type="secondary">{t(`incidents.warningStatus.${warning.status}` as MessageKey) ?? warning.status} · {formatTime(warning.sentAt)}</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}
