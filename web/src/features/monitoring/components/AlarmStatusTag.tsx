import { Tag } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { AlarmStatus } from '../api/types.ts'

const statusColors: Record<AlarmStatus, string> = { active: 'error', acknowledged: 'processing', cleared: 'success', closed: 'default' }

/** 未确认 / 已确认 / 已解除 / 已关闭 */
export function AlarmStatusTag({ status }: { status: AlarmStatus }) {
  const { t } = useI18n()
  return <Tag color={statusColors[status]} data-testid="alarm-status">{t(`monitoring.alarmStatus.${status}`)}</Tag>
}
