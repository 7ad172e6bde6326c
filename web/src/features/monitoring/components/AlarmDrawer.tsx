import { useState } from 'react'
import { Button, Descriptions, Drawer, Input, Space, Spin, Typography } from 'antd'
import { Link } from 'react-router'
import { useI18n } from '../../../i18n/i18n.tsx'
import { useAlarm } from '../api/get-alarm.ts'
import { useCommentAlarm } from '../api/comment-alarm.ts'
import { AlarmHistory } from './AlarmHistory.tsx'
import { AlarmLevelTag } from './AlarmLevelTag.tsx'
import { AlarmStatusTag } from './AlarmStatusTag.tsx'
import { formatTime, formatValue, ruleNameOf } from './format.ts'

/** One alarm: facts, history and a comment box. */
export function AlarmDrawer({ alarmId, township, onClose }: { alarmId: string | null; township: (code: string) => string; onClose: () => void }) {
  const { t, locale } = useI18n()
  const alarm = useAlarm(alarmId)
  const comment = useCommentAlarm()
  const [text, setText] = useState('')
  const data = alarm.data
  return (
    <Drawer
      open={alarmId !== null}
      size={520}
      title={data ? `${data.deviceName} · ${ruleNameOf(data, locale)}` : ''}
      onClose={onClose}
      destroyOnHidden
      data-testid="alarm-drawer"
      // The next steps of the storm day: a warning drafted from the alarm, or an incident opened from it.
      extra={data && (
        <Space>
          <Link to={`/warnings/new?alarmId=${data.id}`} data-testid="alarm-to-warning"><Button size="small">{t('monitoring.toWarning')}</Button></Link>
          <Link to={`/incidents/new?alarmId=${data.id}`} data-testid="alarm-to-incident"><Button size="small" type="primary">{t('monitoring.toIncident')}</Button></Link>
        </Space>
      )}
    >
      {!data ? (
        <Spin />
      ) : (
        <>
          <Descriptions size="small" column={1} bordered styles={{ label: { width: 120 } }}>
            <Descriptions.Item label={t('monitoring.level')}><AlarmLevelTag level={data.level} /></Descriptions.Item>
            <Descriptions.Item label={t('registry.status')}><AlarmStatusTag status={data.status} /></Descriptions.Item>
            <Descriptions.Item label={t('monitoring.device')}><Link to={`/monitoring/devices/${data.deviceId}`}>{data.deviceName}（{data.deviceCode}）</Link></Descriptions.Item>
            <Descriptions.Item label={t('monitoring.township')}>{township(data.divisionCode)}</Descriptions.Item>
            <Descriptions.Item label={t('monitoring.value')}>{formatValue(data.value)}</Descriptions.Item>
            <Descriptions.Item label={t('monitoring.message')}>{data.message}</Descriptions.Item>
            <Descriptions.Item label={t('monitoring.raisedAt')}>{formatTime(data.raisedAt)}</Descriptions.Item>
            {data.acknowledgedAt && (
              <Descriptions.Item label={t('monitoring.acknowledgedBy')}>{data.acknowledgedBy} · {formatTime(data.acknowledgedAt)}</Descriptions.Item>
            )}
            {data.comment && <Descriptions.Item label={t('monitoring.comment')}>{data.comment}</Descriptions.Item>}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('monitoring.historyTitle')}</Typography.Title>
          <AlarmHistory history={data.history} />
          <Space.Compact block>
            <Input value={text} maxLength={500} onChange={(event) => setText(event.target.value)} placeholder={t('monitoring.commentPlaceholder')} aria-label={t('monitoring.comment')} />
            <Button
              type="primary"
              disabled={!text.trim()}
              loading={comment.isPending}
              onClick={() => comment.mutate({ id: data.id, text: text.trim() }, { onSuccess: () => setText('') })}
            >
              {t('monitoring.addComment')}
            </Button>
          </Space.Compact>
        </>
      )}
    </Drawer>
  )
}
