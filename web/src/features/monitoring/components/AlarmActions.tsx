import { Button, Popconfirm, Space } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import { useCloseAlarm } from '../api/close-alarm.ts'
import type { Alarm } from '../api/types.ts'
import type { CommentedAction } from './AlarmActionModal.tsx'

export interface AlarmActionsProps {
  alarm: Alarm
  /** Opens the comment modal for 确认 or 解除. */
  onCommented: (alarm: Alarm, action: CommentedAction) => void
}

/** 确认 while unacknowledged, 解除 until cleared, 关闭 once cleared. */
export function AlarmActions({ alarm, onCommented }: AlarmActionsProps) {
  const { t } = useI18n()
  const close = useCloseAlarm()
  return (
    <Space size={0}>
      {alarm.status === 'active' && (
        <Button type="link" size="small" onClick={() => onCommented(alarm, 'acknowledge')} data-testid="alarm-acknowledge">
          {t('monitoring.acknowledge')}
        </Button>
      )}
      {(alarm.status === 'active' || alarm.status === 'acknowledged') && (
        <Button type="link" size="small" onClick={() => onCommented(alarm, 'clear')} data-testid="alarm-clear">
          {t('monitoring.clear')}
        </Button>
      )}
      {alarm.status === 'cleared' && (
        <Popconfirm title={t('monitoring.closeConfirm')} okText={t('monitoring.close')} cancelText={t('registry.cancel')} onConfirm={() => close.mutateAsync(alarm.id)}>
          <Button type="link" size="small" data-testid="alarm-close">{t('monitoring.close')}</Button>
        </Popconfirm>
      )}
    </Space>
  )
}
