import { useState } from 'react'
import { Button, Card, Select, Space, Table, Typography, type TableColumnType } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { Link, useNavigate } from 'react-router'
import { useI18n } from '../../../i18n/i18n.tsx'
import { DivisionSelect } from '../../../components/registry/DivisionSelect.tsx'
import { useRegistrySession } from '../../../components/registry/session.tsx'
import { SyntheticTag } from '../../../components/registry/SyntheticTag.tsx'
import { useDevices } from '../api/get-devices.ts'
import { useDeviceTypes } from '../api/get-device-types.ts'
import { useTownshipNames } from '../api/get-townships.ts'
import { deviceStatuses, type Device } from '../api/types.ts'
import { AlarmLevelTag } from '../components/AlarmLevelTag.tsx'
import { DeviceCreateModal } from '../components/DeviceCreateModal.tsx'
import { DeviceStatusTag } from '../components/DeviceStatusTag.tsx'
import { formatTime } from '../components/format.ts'

/** Roles that register devices (the server checks the jurisdiction again). */
const deviceWriterRoles: readonly string[] = ['admin', 'duty_officer', 'commander', 'department']

/** 设备: the monitoring devices in the jurisdiction, filtered by type, status and division. */
export function DevicesPage() {
  const { t, locale } = useI18n()
  const navigate = useNavigate()
  const { role } = useRegistrySession()
  const types = useDeviceTypes()
  const townships = useTownshipNames()
  const [type, setType] = useState<string | undefined>()
  const [status, setStatus] = useState<string | undefined>()
  const [divisionCode, setDivisionCode] = useState<string | undefined>()
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(20)
  const [creating, setCreating] = useState(false)
  const devices = useDevices({ type, status, divisionCode, page, pageSize })
  const typeName = (value: string) => {
    const entry = types.data?.find((candidate) => candidate.type === value)
    return entry ? (locale === 'zh' ? entry.name : entry.nameEn) : value
  }
  const filterChanged = <T,>(set: (value: T) => void) => (value: T) => {
    set(value)
    setPage(1)
  }

  const columns: TableColumnType<Device>[] = [
    { title: t('monitoring.deviceCode'), dataIndex: 'code', render: (code: string, row) => <Link to={`/monitoring/devices/${row.id}`}>{code}</Link> },
    { title: t('registry.name'), dataIndex: 'name', render: (name: string, row) => <>{name} <SyntheticTag synthetic={row.synthetic} /></> },
    { title: t('monitoring.deviceType'), dataIndex: 'type', render: typeName },
    { title: t('monitoring.township'), dataIndex: 'divisionCode', render: (code: string) => townships.data?.get(code.slice(0, 9)) ?? code },
    { title: t('registry.status'), dataIndex: 'status', render: (value: Device['status']) => <DeviceStatusTag status={value} /> },
    { title: t('monitoring.alarm'), dataIndex: 'alarmLevel', render: (level: Device['alarmLevel']) => (level ? <AlarmLevelTag level={level} /> : <Typography.Text type="secondary">—</Typography.Text>) },
    { title: t('monitoring.lastSeenAt'), dataIndex: 'lastSeenAt', render: formatTime },
  ]

  return (
    <Card title={t('monitoring.devices')} data-testid="device-list">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          value={type}
          onChange={filterChanged(setType)}
          placeholder={t('monitoring.deviceType')}
          style={{ minWidth: 150 }}
          popupMatchSelectWidth={false}
          options={(types.data ?? []).map((entry) => ({ value: entry.type, label: locale === 'zh' ? entry.name : entry.nameEn }))}
          data-testid="filter-type"
        />
        <Select
          allowClear
          value={status}
          onChange={filterChanged(setStatus)}
          placeholder={t('registry.status')}
          style={{ minWidth: 120 }}
          options={deviceStatuses.map((value) => ({ value, label: t(`monitoring.status.${value}`) }))}
          data-testid="filter-status"
        />
        <DivisionSelect value={divisionCode} onChange={filterChanged(setDivisionCode)} placeholder={t('registry.allDivisions')} />
        {deviceWriterRoles.includes(role) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="device-create">{t('registry.create')}</Button>
        )}
      </Space>
      <Table<Device>
        rowKey="id"
        size="middle"
        loading={devices.isFetching}
        dataSource={devices.data?.items ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        onRow={(row) => ({ onDoubleClick: () => void navigate(`/monitoring/devices/${row.id}`) })}
        pagination={{
          current: page,
          pageSize,
          total: devices.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('registry.total', { total }),
          onChange: (next, size) => {
            setPage(size === pageSize ? next : 1)
            setPageSize(size)
          },
        }}
      />
      <DeviceCreateModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  )
}
