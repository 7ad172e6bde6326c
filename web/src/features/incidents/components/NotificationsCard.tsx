import { Button, Card, Empty, List, Tag, Typography } from 'antd'
import { Link } from 'react-router'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { MessageKey } from '../../../i18n/messages.ts'
import { useMarkNotificationsRead, useNotifications } from '../api/incidents.ts'
import { formatTime } from './format.ts'

const shown = 8
const kinds = new Set(['alarm_raised', 'tasks_assigned'])
/** An alarm's notification carries the alarm page's path as its body. */
const pathIn = (body: string) => (body.startsWith('/') ? body : null)

/** 我的通知: what activations and task assignments sent to the user (on duty, or their role in their area). */
export function NotificationsCard() {
  const { t } = useI18n()
  const notifications = useNotifications()
  const markRead = useMarkNotificationsRead()
  const items = notifications.data?.items ?? []
  const unread = notifications.data?.unread ?? 0
  return (
    <Card
      size="small"
      title={<span>{t('incidents.notifications')} <Tag color={unread > 0 ? 'red' : undefined} data-testid="notifications-unread">{t('incidents.unreadCount', { count: unread })}</Tag></span>}
      extra={unread > 0 && <Button size="small" type="link" onClick={() => markRead.mutate('all')} loading={markRead.isPending && markRead.variables === 'all'} data-testid="notifications-read-all">{t('incidents.markAllRead')}</Button>}
      data-testid="incident-notifications"
      style={{ marginBottom: 12 }}
      loading={notifications.isPending}
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('incidents.noNotifications')} />
      ) : (
        <List
          size="small"
          dataSource={items.slice(0, shown)}
          renderItem={(n) => {
            const target = n.incidentId ? `/incidents/${n.incidentId}` : pathIn(n.body)
            return (
            <List.Item
              data-testid="notification"
              data-read={n.read}
              style={n.read ? { opacity: 0.6 } : undefined}
              actions={n.read ? [] : [<Button key="read" size="small" type="link" onClick={() => markRead.mutate(n.id)} data-testid="notification-read">{t('incidents.markRead')}</Button>]}
            >
              <List.Item.Meta
                title={
                  <>
                    <Tag color={n.kind === 'alarm_raised' ? 'orange' : 'blue'}>{kinds.has(n.kind) ? t(`incidents.notificationKind.${n.kind}` as MessageKey) : n.kind}</Tag>
                    {target ? <Link to={target} onClick={() => { if (!n.read) markRead.mutate(n.id) }}>{n.title}</Link> : n.title}
                  </>
                }
                description={!pathIn(n.body) && <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-line', margin: 0, fontSize: 12 }} ellipsis={{ rows: 3, expandable: true }}>{n.body}</Typography.Paragraph>}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{formatTime(n.createdAt)}</Typography.Text>
            </List.Item>
            )
          }}
        />
      )}
    </Card>
  )
}
