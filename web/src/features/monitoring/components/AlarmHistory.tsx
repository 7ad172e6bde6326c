import { Timeline, Typography } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { AlarmHistoryEntry } from '../api/types.ts'
import { alarmLevelHex } from './alarm-colours.ts'
import { formatTime } from './format.ts'

/** An alarm's life: raised, escalated, acknowledged (who, comment), cleared, closed. */
export function AlarmHistory({ history }: { history: AlarmHistoryEntry[] }) {
  const { t } = useI18n()
  return (
    <Timeline
      data-testid="alarm-history"
      items={history.map((entry) => ({
        color: entry.level ? alarmLevelHex[entry.level] : 'gray',
        content: (
          <>
            <Typography.Text strong>{t(`monitoring.history.${entry.kind}`)}</Typography.Text>
            {entry.level && <> · {t(`monitoring.level.${entry.level}`)}</>}
            {entry.actor && <> · {entry.actor}</>}
            <div><Typography.Text type="secondary">{formatTime(entry.at)}</Typography.Text></div>
            {entry.text && <div>{entry.text}</div>}
          </>
        ),
      }))}
    />
  )
}
