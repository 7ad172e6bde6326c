import { useState } from 'react'
import { Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { Link, useNavigate } from 'react-router'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { MessageKey } from '../../../i18n/messages.ts'
import { useRegistrySession } from '../../../components/registry/session.tsx'
import { hazardOf, warningStatuses, type Warning } from '../api/types.ts'
import { useWarnings } from '../api/warnings.ts'
import { LevelTag, StatusTag } from '../components/LevelTag.tsx'
import { WarningActions } from '../components/WarningActions.tsx'
import { authorRoles } from '../components/permissions.ts'

/** Beijing time (warnings are issued in it, whatever the browser's zone). */
export const formatTime = (value: string | null | undefined) =>
  value ? new Date(value).toLocaleString('zh-CN', { hour12: false, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai' }) : '—'

/** 预警列表: warnings by status with level colours and the actions the role allows. */
export function WarningsListPage() {
  const { t } = useI18n()
  const navigate = useNavigate()
  const { role } = useRegistrySession()
  const [status, setStatus] = useState<string>('')
  const list = useWarnings(status)
  const hazardName = (key: string) => {
    const text = t(`warnings.hazard.${key}` as MessageKey)
    return text && !text.startsWith('warnings.') ? text : key
  }
  return (
    <Card
      title={t('warnings.list')}
      extra={authorRoles.includes(role) && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/warnings/new')} data-testid="warning-new">{t('warnings.new')}</Button>}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Segmented
          value={status}
          onChange={(value) => setStatus(String(value))}
          options={[{ value: '', label: t('warnings.filter.all') }, ...warningStatuses.map((s) => ({ value: s, label: t(`warnings.status.${s}`) }))]}
          data-testid="warning-status-filter"
        />
        <Table<Warning>
          rowKey="id"
          size="middle"
          loading={list.isFetching && !list.data}
          dataSource={list.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="warnings-table"
          columns={[
            { title: t('warnings.col.level'), dataIndex: 'level', width: 80, render: (level: Warning['level']) => <LevelTag level={level} /> },
            { title: t('warnings.col.hazard'), key: 'hazard', width: 100, render: (_, w) => hazardName(hazardOf(w)) },
            {
              title: t('warnings.col.headline'), key: 'headline',
              render: (_, w) => (
                <Space size={4}>
                  {w.msgType && w.msgType !== 'Alert' && <Tag>{t(`warnings.msgType.${w.msgType}`)}</Tag>}
                  <Link to={`/warnings/${w.id}`}>{w.headline}</Link>
                </Space>
              ),
            },
            { title: t('warnings.col.area'), dataIndex: 'areaDesc', ellipsis: true, render: (text?: string) => <Typography.Text type="secondary">{text ?? '—'}</Typography.Text> },
            { title: t('warnings.col.status'), key: 'status', width: 100, render: (_, w) => <StatusTag status={w.status} expires={w.expires} /> },
            { title: t('warnings.col.sent'), dataIndex: 'sent', width: 110, render: formatTime },
            { title: t('warnings.col.expires'), dataIndex: 'expires', width: 110, render: formatTime },
            { title: t('warnings.col.actions'), key: 'actions', width: 260, render: (_, w) => <WarningActions warning={w} /> },
          ]}
        />
      </Space>
    </Card>
  )
}
