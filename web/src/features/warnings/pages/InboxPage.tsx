import { useState } from 'react'
import { App, Badge, Button, Card, Space, Table, Tag, Typography } from 'antd'
import { CheckOutlined } from '@ant-design/icons'
import { Link } from 'react-router'
import { useI18n } from '../../../i18n/i18n.tsx'
import { useAcknowledge, useInbox, type InboxItem } from '../api/inbox.ts'
import { LevelTag } from '../components/LevelTag.tsx'
import { formatTime } from './WarningsListPage.tsx'

/** 我的预警: warnings pushed to me on the dashboard; I confirm I have read them (回执). */
export function InboxPage() {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [page, setPage] = useState(1)
  const inbox = useInbox(page)
  const ack = useAcknowledge()
  return (
    <Card title={<Space>{t('warnings.inbox')}<Badge count={inbox.data?.unacknowledged ?? 0} /></Space>}>
      <Table<InboxItem>
        rowKey="deliveryId"
        loading={inbox.isFetching && !inbox.data}
        dataSource={inbox.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: inbox.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        data-testid="inbox-table"
        columns={[
          { title: t('warnings.col.level'), dataIndex: 'level', width: 80, render: (level: InboxItem['level']) => <LevelTag level={level} /> },
          {
            title: t('warnings.col.headline'), key: 'title',
            render: (_, item) => (
              <Space direction="vertical" size={2}>
                <Space size={4}>{item.msgType !== 'Alert' && <Tag>{t(`warnings.msgType.${item.msgType as 'Update' | 'Cancel'}`)}</Tag>}<Link to={`/warnings/${item.warningId}`}>{item.title}</Link></Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{item.body}</Typography.Text>
              </Space>
            ),
          },
          { title: t('warnings.col.area'), dataIndex: 'areaDesc', width: 180, ellipsis: true },
          { title: t('warnings.inbox.received'), dataIndex: 'receivedAt', width: 110, render: formatTime },
          { title: t('warnings.col.expires'), dataIndex: 'expires', width: 110, render: formatTime },
          {
            title: t('warnings.col.actions'), key: 'ack', width: 140,
            render: (_, item) => item.acknowledgedAt
              ? <Tag color="success" icon={<CheckOutlined />}>{formatTime(item.acknowledgedAt)}</Tag>
              : <Button size="small" type="primary" loading={ack.isPending && ack.variables === item.deliveryId} data-testid="inbox-ack"
                  onClick={() => ack.mutateAsync(item.deliveryId).catch((e: Error) => message.error(e.message))}>{t('warnings.inbox.ack')}</Button>,
          },
        ]}
      />
    </Card>
  )
}
