import { Badge, Button, Tooltip } from 'antd'
import { MailOutlined } from '@ant-design/icons'
import { useNavigate } from 'react-router'
import { useI18n } from '../../../i18n/i18n.tsx'
import { useNotifications } from '../api/incidents.ts'
import { useNotificationStream } from '../stream/use-notification-stream.ts'

/** The header's notice button (an envelope; the bell is the alarms'): unread incident notifications, live; opens the list with 我的通知. */
export function NotificationBell() {
  const { t } = useI18n()
  const navigate = useNavigate()
  useNotificationStream()
  const unread = useNotifications().data?.unread ?? 0
  return (
    <Tooltip title={t('incidents.notifications')}>
      <Badge count={unread} size="small" data-testid="notification-badge">
        <Button type="text" shape="circle" icon={<MailOutlined style={{ color: '#fff', fontSize: 18 }} />} aria-label={t('incidents.notifications')} onClick={() => navigate('/incidents/list')} data-testid="notification-bell" />
      </Badge>
    </Tooltip>
  )
}
