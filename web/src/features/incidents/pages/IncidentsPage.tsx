import { useState } from 'react'
import { Button, Card, Select, Space, Table, Typography, type TableColumnType } from 'antd'
import { PhoneOutlined, PlusOutlined } from '@ant-design/icons'
import { Link, useNavigate } from 'react-router'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { MessageKey } from '../../../i18n/messages.ts'
import { useRegistrySession } from '../../../components/registry/session.tsx'
import { useIncidents } from '../api/incidents.ts'
import { incidentStatuses, type IncidentStatus, type IncidentSummary } from '../api/types.ts'
import { CallFormDrawer } from '../components/CallFormDrawer.tsx'
import { Countdown } from '../components/Countdown.tsx'
import { formatTime } from '../components/format.ts'
import { GradeTag, IncidentStatusTag, ResponseLevelTag, useTypeName } from '../components/tags.tsx'

/** Roles that take calls and open incidents (the server checks again, with the jurisdiction). */
export const reporterRoles: readonly string[] = ['admin', 'duty_officer', 'commander', 'township', 'village']

/** The next reporting deadline still open, if any. */
export const nextDeadline = (row: Pick<IncidentSummary, 'deadlines'>) =>
  (row.deadlines ?? []).filter((deadline) => deadline.status !== 'done').sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0]

/** 事件列表: incidents in the user's jurisdiction, newest first, with grade, response and reporting countdowns. */
export function IncidentsPage() {
  const { t, locale } = useI18n()
  const { role } = useRegistrySession()
  const navigate = useNavigate()
  const typeName = useTypeName()
  const [status, setStatus] = useState<IncidentStatus | undefined>()
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(20)
  const [form, setForm] = useState<'call' | 'manual' | null>(null)
  const incidents = useIncidents({ status, page, pageSize })
  const canReport = reporterRoles.includes(role)

  const columns: TableColumnType<IncidentSummary>[] = [
    {
      title: t('incidents.incidentTitle'),
      dataIndex: 'title',
      render: (title: string, row) => <Link to={`/incidents/${row.id}`} data-testid="incident-link">{title}</Link>,
    },
    { title: t('incidents.type'), dataIndex: 'type', render: (type: string, row) => <>{typeName(type)}{row.subtype && <Typography.Text type="secondary"> · {typeName(row.subtype)}</Typography.Text>}</> },
    { title: t('incidents.grade'), dataIndex: 'grade', render: (grade: IncidentSummary['grade']) => <GradeTag grade={grade} /> },
    { title: t('incidents.responseLevel'), dataIndex: 'response', render: (response: IncidentSummary['response']) => <ResponseLevelTag level={response?.level} /> },
    { title: t('incidents.division'), dataIndex: 'divisionName', render: (name: string | null, row) => name ?? row.divisionCode },
    { title: t('incidents.statusLabel'), dataIndex: 'status', render: (value: IncidentStatus) => <IncidentStatusTag status={value} /> },
    { title: t('incidents.occurredAt'), dataIndex: 'occurredAt', render: (value: string) => formatTime(value) },
    {
      title: t('incidents.nextDeadline'),
      key: 'deadline',
      render: (_, row) => {
        const next = nextDeadline(row)
        if (!next) return '—'
        return (
          <>
            <Countdown dueAt={next.dueAt} />
            <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{locale === 'en' && next.authorityEn ? next.authorityEn : next.authority}</Typography.Text></div>
          </>
        )
      },
    },
  ]

  return (
    <Card
      title={t('incidents.list')}
      data-testid="incident-list"
      extra={canReport && (
        <Space>
          <Button type="primary" icon={<PhoneOutlined />} onClick={() => setForm('call')} data-testid="open-call-form">{t('incidents.callForm')}</Button>
          <Button icon={<PlusOutlined />} onClick={() => setForm('manual')} data-testid="open-new-incident">{t('incidents.newIncident')}</Button>
        </Space>
      )}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          value={status}
          onChange={(value) => {
            setStatus(value)
            setPage(1)
          }}
          placeholder={t('incidents.statusLabel')}
          style={{ minWidth: 140 }}
          options={incidentStatuses.map((value) => ({ value, label: t(`incidents.status.${value}` as MessageKey) }))}
          data-testid="filter-status"
        />
      </Space>
      <Table<IncidentSummary>
        rowKey="id"
        size="middle"
        loading={incidents.isFetching}
        dataSource={incidents.data?.items ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        onRow={(row) => ({ onDoubleClick: () => navigate(`/incidents/${row.id}`) })}
        pagination={{
          current: page,
          pageSize,
          total: incidents.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('registry.total', { total }),
          onChange: (next, size) => {
            setPage(size === pageSize ? next : 1)
            setPageSize(size)
          },
        }}
      />
      <CallFormDrawer open={form !== null} mode={form ?? 'call'} onClose={() => setForm(null)} onCreated={(incident) => navigate(`/incidents/${incident.id}`)} />
    </Card>
  )
}
