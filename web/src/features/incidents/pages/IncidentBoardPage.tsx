import { useState } from 'react'
import { Button, Card, Col, Empty, List, Modal, Result, Row, Space, Spin, Tabs, Tag, Typography } from 'antd'
import { ArrowLeftOutlined, NotificationOutlined } from '@ant-design/icons'
import { Link, useParams } from 'react-router'
import { useI18n } from '../../../i18n/i18n.tsx'
import { useRegistrySession } from '../../../components/registry/session.tsx'
import { ApiError } from '../../../lib/api-error.ts'
import { useCloseIncident, useIncident, useSuggestions } from '../api/incidents.ts'
import { useCommandLog } from '../api/log.ts'
import { useSitreps } from '../api/sitreps.ts'
import { useTasks } from '../api/tasks.ts'
import type { Incident, NearbyKind } from '../api/types.ts'
import { CommandLog } from '../components/CommandLog.tsx'
import { FactsCard } from '../components/FactsCard.tsx'
import { formatTime } from '../components/format.ts'
import { IncidentMap } from '../components/IncidentMap.tsx'
import { NearbyList } from '../components/NearbyList.tsx'
import { SitrepPanel } from '../components/SitrepPanel.tsx'
import { commanderRoles, SuggestionsCard } from '../components/SuggestionsCard.tsx'
import { IncidentStatusTag } from '../components/tags.tsx'
import { TaskBoard } from '../components/TaskBoard.tsx'
import { useIncidentStream } from '../stream/use-incident-stream.ts'
import { reporterRoles } from './IncidentsPage.tsx'

/** Roles that work the incident (tasks, log, sitreps); the server checks again, with the jurisdiction. */
const workerRoles: readonly string[] = ['admin', 'duty_officer', 'commander', 'department', 'township']

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

function Board({ incident }: { incident: Incident }) {
  const { t } = useI18n()
  const { role } = useRegistrySession()
  useIncidentStream(incident.id)
  const suggestions = useSuggestions(incident.id)
  const tasks = useTasks(incident.id)
  const log = useCommandLog(incident.id)
  const sitreps = useSitreps(incident.id)
  const close = useCloseIncident(incident.id)
  const [visible, setVisible] = useState<NearbyKind[]>(['teams', 'depots', 'shelters', 'hazardPoints', 'riskPoints'])
  const canWork = workerRoles.includes(role)
  const canActivate = commanderRoles.includes(role)
  const nearby = suggestions.data?.nearby ?? {}
  const taskList = tasks.data ?? []
  const openTasks = taskList.filter((task) => task.status !== 'done').length

  return (
    <div data-testid="incident-board" data-incident-id={incident.id}>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Link to="/incidents"><ArrowLeftOutlined /></Link>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="incident-title">{incident.title}</Typography.Title>
            <IncidentStatusTag status={incident.status} />
            {incident.synthetic && <Tag>{t('incidents.synthetic')}</Tag>}
            <Typography.Text type="secondary">{t('incidents.reportedAt')} {formatTime(incident.reportedAt ?? incident.occurredAt)}</Typography.Text>
          </Space>
          <Space>
            {reporterRoles.includes(role) && (
              <Link to={`/warnings/new?incidentId=${incident.id}`} data-testid="incident-to-warning">
                <Button icon={<NotificationOutlined />}>{t('incidents.issueWarning')}</Button>
              </Link>
            )}
            {canActivate && incident.status !== 'closed' && (
              <Button
                danger
                loading={close.isPending}
                onClick={() => Modal.confirm({ title: t('incidents.closeConfirm'), onOk: () => close.mutateAsync(undefined) })}
                data-testid="incident-close"
              >
                {t('incidents.close')}
              </Button>
            )}
          </Space>
        </Space>
      </Card>
      <Row gutter={12}>
        <Col xs={24} xl={13}>
          <Card size="small" title={t('incidents.map')} style={{ marginBottom: 12 }}>
            <IncidentMap location={incident.location} nearby={nearby} visible={visible} />
            <div style={{ marginTop: 8 }}>
              <NearbyList nearby={nearby} visible={visible} onVisibleChange={setVisible} radiusKm={suggestions.data?.radiusKm} />
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={11}>
          <div style={{ marginBottom: 12 }}><FactsCard incident={incident} canEdit={canWork} /></div>
          <div style={{ marginBottom: 12 }}>
            <SuggestionsCard incident={incident} plans={suggestions.data?.plans ?? []} loading={suggestions.isPending} canActivate={canActivate} />
          </div>
          <WarningsCard incident={incident} />
        </Col>
      </Row>
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'tasks',
              label: <span data-testid="tab-tasks">{t('incidents.tasks')} {openTasks > 0 && <Tag color="blue">{openTasks}</Tag>}</span>,
              children: <TaskBoard incidentId={incident.id} tasks={taskList} canAct={canWork} />,
            },
            { key: 'log', label: <span data-testid="tab-log">{t('incidents.commandLog')}</span>, children: <CommandLog incidentId={incident.id} entries={log.data ?? []} canWrite={canWork} /> },
            { key: 'sitreps', label: <span data-testid="tab-sitreps">{t('incidents.sitreps')}</span>, children: <SitrepPanel incidentId={incident.id} sitreps={sitreps.data ?? []} canWrite={canWork} /> },
          ]}
        />
      </Card>
    </div>
  )
}

/** Warnings issued for the incident (if the server lists them) and the way to draft one. */
function WarningsCard({ incident }: { incident: Incident }) {
  const { t } = useI18n()
  const warnings = incident.warnings ?? []
  return (
    <Card size="small" title={t('incidents.warnings')} data-testid="incident-warnings" style={{ marginBottom: 12 }}
      extra={<Link to={`/warnings/new?incidentId=${incident.id}`}>{t('incidents.issueWarning')}</Link>}
    >
      {warnings.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('incidents.noWarnings')} />
      ) : (
        <List
          size="small"
          dataSource={warnings}
          renderItem={(warning) => (
            <List.Item>
              <Link to={`/warnings/${warning.id}`}>{warning.title}</Link>
              <Typography.Text type="secondary">{warning.status} · {formatTime(warning.issuedAt)}</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}
