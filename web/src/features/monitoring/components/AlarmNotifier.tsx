import { useRef } from 'react'
import { App, Badge, Button, Tooltip } from 'antd'
import { BellOutlined, WarningFilled } from '@ant-design/icons'
import { useQueryClient } from '@tanstack/react-query'
import { useNavigate } from 'react-router'
import { useI18n } from '../../../i18n/i18n.tsx'
import { acknowledgeAlarm } from '../api/acknowledge-alarm.ts'
import { useAlarms } from '../api/get-alarms.ts'
import { useTownshipNames } from '../api/get-townships.ts'
import { monitoringKeys } from '../api/keys.ts'
import type { Alarm } from '../api/types.ts'
import { alarmLevelHex, alarmLevelRank } from './alarm-colours.ts'
import { playChime } from './chime.ts'
import { useMonitoringStream } from '../stream/use-monitoring-stream.ts'
import { formatTime, formatValue, ruleNameOf } from './format.ts'

/** In a storm many gauges cross at once: the newest few notices stay, the list holds them all. */
const maxNotices = 4
const chimeGapMs = 2000

/** `active`: raised or escalated since the last acknowledgement (an escalation asks for a new one). */
const unacknowledged = (alarm: Alarm) => alarm.status === 'active'

/**
 * The duty officer's live alarms (header): a bell with the count of unacknowledged alarms,
 * and on every new or escalated alarm from the stream a notification in the level's colour
 * with 确认, plus a short chime.
 */
export function AlarmNotifier() {
  const { t, locale } = useI18n()
  const { notification, message } = App.useApp()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  // Only the count is needed: one row and the total.
  const active = useAlarms({ status: 'active', pageSize: 1 })
  const townships = useTownshipNames()
  // The level each alarm was last announced at: a repeat of the same level stays quiet.
  const announced = useRef(new Map<string, number>())
  const open = useRef<string[]>([])
  const lastChime = useRef(0)
  const dismiss = (key: string) => {
    open.current = open.current.filter((shown) => shown !== key)
    notification.destroy(key)
  }
  const dismissAlarm = (alarmId: string) => open.current.filter((shown) => shown.startsWith(`alarm-${alarmId}-`)).forEach(dismiss)
  const count = active.data?.total ?? 0

  const announce = (alarm: Alarm) => {
    // An escalation is a new notice in place of the alarm's open one (an antd notice re-opened
    // under its own key while shown vanished instead of showing the new level).
    dismissAlarm(alarm.id)
    const key = `alarm-${alarm.id}-${alarm.level}`
    open.current = [...open.current, key]
    while (open.current.length > maxNotices) dismiss(open.current[0]!)
    const colour = alarmLevelHex[alarm.level]
    const township = townships.data?.get(alarm.divisionCode.slice(0, 9)) ?? alarm.divisionCode
    notification.open({
      key,
      placement: 'topRight',
      duration: alarm.level === 'red' || alarm.level === 'orange' ? false : 20,
      onClose: () => {
        open.current = open.current.filter((shown) => shown !== key)
      },
      icon: <WarningFilled style={{ color: colour }} />,
      style: { borderInlineStart: `6px solid ${colour}` },
      title: `${t(`monitoring.level.${alarm.level}`)} · ${alarm.deviceName}`,
      description: (
        <div data-testid="alarm-notification" data-level={alarm.level}>
          <div>{township} · {ruleNameOf(alarm, locale)}</div>
          <div>{t('monitoring.value')}：{formatValue(alarm.value)} · {formatTime(alarm.lastChangedAt)}</div>
          {alarm.message && <div>{alarm.message}</div>}
        </div>
      ),
      actions: (
        <Button
          type="primary"
          size="small"
          data-testid="alarm-notification-acknowledge"
          onClick={() =>
            void acknowledgeAlarm(alarm.id).then(
              () => {
                dismiss(key)
                message.success(t('monitoring.acknowledged'))
                void queryClient.invalidateQueries({ queryKey: monitoringKeys.all })
              },
              () => message.error(t('monitoring.acknowledgeFailed')),
            )
          }
        >
          {t('monitoring.acknowledge')}
        </Button>
      ),
    })
  }

  const onAlarm = (alarm: Alarm) => {
    void queryClient.invalidateQueries({ queryKey: monitoringKeys.alarms })
    const rank = alarmLevelRank[alarm.level]
    const before = announced.current.get(alarm.id)
    if (!unacknowledged(alarm)) {
      dismissAlarm(alarm.id)
      return
    }
    if (before !== undefined && before <= rank) return
    announced.current.set(alarm.id, rank)
    announce(alarm)
    if (Date.now() - lastChime.current > chimeGapMs) {
      lastChime.current = Date.now()
      playChime(alarm.level)
    }
  }
  useMonitoringStream({ onAlarm })

  return (
    <Tooltip title={t('monitoring.unacknowledged', { count })}>
      <Badge count={count} size="small" offset={[-4, 4]} data-testid="alarm-badge">
        <Button type="text" icon={<BellOutlined style={{ fontSize: 18, color: '#fff' }} />} onClick={() => void navigate('/monitoring/alarms')} aria-label={t('monitoring.alarms')} />
      </Badge>
    </Tooltip>
  )
}

