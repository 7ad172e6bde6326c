import { useState } from 'react'
import { Input, Modal, Typography } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import { useAcknowledgeAlarm } from '../api/acknowledge-alarm.ts'
import { useClearAlarm } from '../api/clear-alarm.ts'
import type { Alarm } from '../api/types.ts'
import { ruleNameOf } from './format.ts'

export type CommentedAction = 'acknowledge' | 'clear'

/** 确认 or 解除 an alarm with an optional comment (处置意见). */
export function AlarmActionModal({ alarm, action, onClose }: { alarm: Alarm | null; action: CommentedAction; onClose: () => void }) {
  const { t, locale } = useI18n()
  const [comment, setComment] = useState('')
  const acknowledge = useAcknowledgeAlarm()
  const clear = useClearAlarm()
  const mutation = action === 'acknowledge' ? acknowledge : clear
  const close = () => {
    setComment('')
    onClose()
  }
  return (
    <Modal
      open={alarm !== null}
      title={t(action === 'acknowledge' ? 'monitoring.acknowledgeTitle' : 'monitoring.clearTitle')}
      okText={t(action === 'acknowledge' ? 'monitoring.acknowledge' : 'monitoring.clear')}
      cancelText={t('registry.cancel')}
      confirmLoading={mutation.isPending}
      onCancel={close}
      onOk={() => alarm && mutation.mutate({ id: alarm.id, comment: comment.trim() || undefined }, { onSuccess: close })}
      destroyOnHidden
      data-testid="alarm-action-modal"
    >
      {alarm && (
        <Typography.Paragraph>
          {alarm.deviceName}（{alarm.deviceCode}）· {ruleNameOf(alarm, locale)}
        </Typography.Paragraph>
      )}
      <Input.TextArea
        rows={3}
        maxLength={500}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        placeholder={t('monitoring.commentPlaceholder')}
        aria-label={t('monitoring.comment')}
      />
    </Modal>
  )
}
