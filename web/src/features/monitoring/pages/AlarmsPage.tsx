import { useState } from 'react'
import { Button, Card, Select, Space, Table, Typography, type TableColumnType } from 'antd'
import { Link } from 'react-router'
import { useI18n } from '../../../i18n/i18n.tsx'
import { DivisionSelect } from '../../../components/registry/DivisionSelect.tsx'
import { useRegistrySession } from '../../../components/registry/session.tsx'
import { useAlarms } from '../api/get-alarms.ts'
import { useTownshipNames } from '../api/get-townships.ts'
import { alarmLevels, type Alarm, type AlarmStatusFilter } from '../api/types.ts'
import { AlarmActionModal, type CommentedAction } from '../components/AlarmActionModal.tsx'
import { AlarmActions } from '../components/AlarmActions.tsx'
import { AlarmDrawer } from '../components/AlarmDrawer.tsx'
import { AlarmLevelTag } from '../components/AlarmLevelTag.tsx'
import { alarmHandlerRoles } from '../components/alarm-permissions.ts'
import { AlarmStatusTag } from '../components/AlarmStatusTag.tsx'
import { formatTime, formatValue, ruleNameOf } from '../components/format.ts'

const statusFilters: AlarmStatusFilter[] = ['open', 'active', 'acknowledged', 'cleared', 'closed']

/** 报警列表: newest first (the server's order), paged, filtered by status, level and division; acknowledge, clear, close. */
export function AlarmsPage() {
  const { t, locale } = useI18n()
  const { role } = useRegistrySession()
  const canHandle = alarmHandlerRoles.includes(role)
  const [status, setStatus] = useState<AlarmStatusFilter | undefined>('open')
  const [level, setLevel] = useState<string | undefined>()
  const [divisionCode, setDivisionCode] = useState<string | undefined>()
  const [acting, setActing] = useState<{ alarm: Alarm; action: CommentedAction } | null>(null)
  const [openId, setOpenId] = useState<string | null>(null)
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(20)
  const alarms = useAlarms({ status, level, divisionCode, page, pageSize })
  const townships = useTownshipNames()
  const township = (code: string) => townships.data?.get(code.slice(0, 9)) ?? code

  const filterChanged = <T,>(set: (value: T) => void) => (value: T) => {
    set(value)
    setPage(1)
  }
  const columns: TableColumnType<Alarm>[] = [
    { title: t('monitoring.level'), dataIndex: 'level', render: (value: Alarm['level']) => <AlarmLevelTag level={value} /> },
    {
      title: t('monitoring.device'),
      dataIndex: 'deviceName',
      render: (name: string, row) => (
        <>
          <Link to={`/monitoring/devices/${row.deviceId}`}>{name}</Link>
          <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{row.deviceCode}</Typography.Text></div>
        </>
      ),
    },
    { title: t('monitoring.township'), dataIndex: 'divisionCode', render: (code: string) => township(code) },
    {
      title: t('monitoring.rule'),
      dataIndex: 'ruleName',
      render: (_, row) => <Typography.Text ellipsis={{ tooltip: true }} style={{ maxWidth: 150 }}>{ruleNameOf(row, locale)}</Typography.Text>,
    },
    { title: t('monitoring.value'), dataIndex: 'value', align: 'right', render: (value: number | null) => formatValue(value) },
    { title: t('registry.status'), dataIndex: 'status', render: (value: Alarm['status']) => <AlarmStatusTag status={value} /> },
    { title: t('monitoring.raisedAt'), dataIndex: 'raisedAt', render: formatTime },
    {
      title: t('monitoring.acknowledgedBy'),
      dataIndex: 'acknowledgedBy',
      render: (who: string | null, row) =>
        who ? <>{who}{row.comment && <div><Typography.Text type="secondary" ellipsis={{ tooltip: row.comment }} style={{ maxWidth: 140 }}>{row.comment}</Typography.Text></div>}</> : '—',
    },
    {
      title: t('registry.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, row) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setOpenId(row.id)} data-testid="alarm-view">{t('registry.view')}</Button>
          {canHandle && <AlarmActions alarm={row} onCommented={(alarm, action) => setActing({ alarm, action })} />}
        </Space>
      ),
    },
  ]

  return (
    <Card title={t('monitoring.alarms')} data-testid="alarm-list">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          value={status}
          onChange={filterChanged(setStatus)}
          placeholder={t('registry.status')}
          style={{ minWidth: 140 }}
          options={statusFilters.map((value) => ({ value, label: t(`monitoring.alarmStatus.${value}`) }))}
          data-testid="filter-status"
        />
        <Select
          allowClear
          value={level}
          onChange={filterChanged(setLevel)}
          placeholder={t('monitoring.level')}
          style={{ minWidth: 120 }}
          options={alarmLevels.map((value) => ({ value, label: t(`monitoring.level.${value}`) }))}
          data-testid="filter-level"
        />
        <DivisionSelect value={divisionCode} onChange={filterChanged(setDivisionCode)} placeholder={t('registry.allDivisions')} />
      </Space>
      <Table<Alarm>
        rowKey="id"
        size="middle"
        loading={alarms.isFetching}
        dataSource={alarms.data?.items ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        onRow={(row) => ({ onDoubleClick: () => setOpenId(row.id) })}
        pagination={{
          current: page,
          pageSize,
          total: alarms.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('registry.total', { total }),
          onChange: (next, size) => {
            setPage(size === pageSize ? next : 1)
            setPageSize(size)
          },
        }}
      />
      <AlarmActionModal alarm={acting?.alarm ?? null} action={acting?.action ?? 'acknowledge'} onClose={() => setActing(null)} />
      <AlarmDrawer alarmId={openId} township={township} onClose={() => setOpenId(null)} />
    </Card>
  )
}
