import { useState } from 'react'
import { Button, Card, Select, Space, Table, Tag, Typography, type TableColumnType } from 'antd'
import { PhoneOutlined, PlusOutlined } from '@ant-design/icons'
import { Link, useNavigate } from 'react-router'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { MessageKey } from '../../../i18n/messages.ts'
import { DivisionSelect } from '../../../components/registry/DivisionSelect.tsx'
import { useRegistrySession } from '../../../components/registry/session.tsx'
import { useIncidents, type IncidentListParams } from '../api/incidents.ts'
import { incidentCategories, type IncidentView } from '../api/types.ts'
import { CallFormDrawer } from '../components/CallFormDrawer.tsx'
import { Countdown } from '../components/Countdown.tsx'
import { NotificationsCard } from '../components/NotificationsCard.tsx'
import { formatTime } from '../components/format.ts'
import { GradeTag, IncidentStatusTag, ResponseLevelTag, typeText } from '../components/tags.tsx'

/** Roles that take calls and open incidents (the server checks again, with the jurisdiction). */
export const reporterRoles: readonly string[] = ['admin', 'duty_officer', 'commander', 'department', 'township', 'village']

const statusFilters = ['active', 'open', 'responding', 'closed'] as const

/** The next reporting deadline not yet met, if any. */
export const nextDeadline = (row: Pick<IncidentView, 'reportingDeadlines'>) => (row.reportingDeadlines ?? []).find((deadline) => deadline.doneAt === null)

/** 事件列表: incidents in the user's jurisdiction, newest first, with grade, response, tasks and reporting countdowns. */
export function IncidentsPage() {
  const { t, locale } = useI18n()
  const { role } = useRegistrySession()
  const navigate = useNavigate()
  const [status, setStatus] = useState<IncidentListParams['status']>('active')
  const [category, setCategory] = useState<string | undefined>()
  const [divisionCode, setDivisionCode] = useState<string | undefined>()
  const [form, setForm] = useState<'call' | 'manual' | null>(null)
  const incidents = useIncidents({ status, category, divisionCode })
  const canReport = reporterRoles.includes(role)

  const columns: TableColumnType<IncidentView>[] = [
    {
      title: t('incidents.incidentTitle'),
      dataIndex: 'title',
      render: (title: string, row) => (
        <>
          <Link to={`/incidents/${row.id}`} data-testid="incident-link">{title}</Link>
          {row.synthetic && <Tag style={{ marginLeft: 4 }}>{t('incidents.synthetic')}</Tag>}
          <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`incidents.source.${row.source}` as MessageKey)}</Typography.Text></div>
        </>
      ),
    },
    { title: t('incidents.type'), key: 'type', render: (_, row) => typeText(row, locale) },
    {
      title: t('incidents.gradeOrLevel'),
      key: 'grade',
      render: (_, row) => (
        <Space size={2} wrap>
          {row.accidentGrade ? <GradeTag grade={row.accidentGrade} /> : row.reliefSuggestion?.level ? <GradeTag grade={row.reliefSuggestion} testId="relief-level" /> : null}
          {row.response ? <ResponseLevelTag level={row.response.level} /> : !row.accidentGrade && !row.reliefSuggestion?.level && '—'}
        </Space>
      ),
    },
    { title: t('incidents.division'), dataIndex: 'divisionName', render: (name: string | null, row) => name ?? row.divisionCode },
    { title: t('incidents.statusLabel'), dataIndex: 'status', render: (value: IncidentView['status']) => <IncidentStatusTag status={value} /> },
    { title: t('incidents.occurredAt'), dataIndex: 'occurredAt', render: (value: string) => formatTime(value) },
    {
      title: t('incidents.tasks'),
      key: 'tasks',
      render: (_, row) => row.tasks && row.tasks.total > 0
        ? <>{row.tasks.done}/{row.tasks.total}{row.tasks.overdue > 0 && <Tag color="error" style={{ marginLeft: 4 }}>{t('incidents.overdueCount', { count: row.tasks.overdue })}</Tag>}</>
        : '—',
    },
    {
      title: t('incidents.nextDeadline'),
      key: 'deadline',
      render: (_, row) => {
        const next = row.status === 'closed' ? undefined : nextDeadline(row)
        if (!next) return '—'
        return (
          <>
            <Countdown dueAt={next.dueAt} />
            <div><Typography.Text type="secondary" ellipsis={{ tooltip: true }} style={{ fontSize: 12, maxWidth: 180 }}>{locale === 'en' ? next.authorityEn : next.authority}</Typography.Text></div>
          </>
        )
      },
    },
  ]

  return (
    <>
      <NotificationsCard />
      <Card
        title={t('incidents.list')}
        data-testid="incident-list"
        extra={canReport && (
          role === 'village' ? (
            // 村（社区）信息员 report what happened in their village (村级报告), without a caller.
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm('manual')} data-testid="open-village-report">{t('incidents.villageReport')}</Button>
          ) : (
            <Space>
              <Button type="primary" icon={<PhoneOutlined />} onClick={() => setForm('call')} data-testid="open-call-form">{t('incidents.callForm')}</Button>
              <Button icon={<PlusOutlined />} onClick={() => setForm('manual')} data-testid="open-new-incident">{t('incidents.newIncident')}</Button>
            </Space>
          )
        )}
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            value={status}
            onChange={setStatus}
            placeholder={t('incidents.statusLabel')}
            style={{ minWidth: 140 }}
            options={statusFilters.map((value) => ({ value, label: t(`incidents.status.${value}` as MessageKey) }))}
            data-testid="filter-status"
          />
          <Select
            allowClear
            value={category}
            onChange={setCategory}
            placeholder={t('incidents.type')}
            style={{ minWidth: 150 }}
            options={incidentCategories.map((value) => ({ value, label: t(`incidents.category.${value}` as MessageKey) }))}
          />
          <DivisionSelect value={divisionCode} onChange={setDivisionCode} placeholder={t('registry.allDivisions')} />
        </Space>
        <Table<IncidentView>
          rowKey="id"
          size="middle"
          loading={incidents.isFetching}
          dataSource={incidents.data?.items ?? []}
          columns={columns}
          scroll={{ x: 'max-content' }}
          onRow={(row) => ({ onDoubleClick: () => navigate(`/incidents/${row.id}`) })}
          pagination={{ pageSize: 20, showTotal: (total) => t('registry.total', { total }), hideOnSinglePage: true }}
        />
        <CallFormDrawer
          open={form !== null}
          mode={form ?? 'call'}
          village={role === 'village'}
          onClose={() => setForm(null)}
          onCreated={(incident) => navigate(`/incidents/${incident.id}`)}
        />
      </Card>
    </>
  )
}
