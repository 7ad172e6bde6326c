import { useRef, useState } from 'react'
import { Tag, Tooltip } from 'antd'
import { useQueryClient } from '@tanstack/react-query'
import { useI18n } from '../../../i18n/i18n.tsx'
import { useLag } from '../api/get-lag.ts'
import { monitoringKeys } from '../api/keys.ts'
import type { IngestLag } from '../api/types.ts'
import { useMonitoringStream } from '../stream/use-monitoring-stream.ts'

/** At most one device-layer refresh per this many ms while alarms stream in. */
const refreshEveryMs = 2000

/**
 * Keeps the device layer live (refetched when alarms change) and shows the ingest lag
 * discreetly (延迟 120 ms: age of the oldest reading not yet processed), with the counters
 * in a tooltip.
 */
export function LiveLag({ className }: { className?: string }) {
  const { t } = useI18n()
  const queryClient = useQueryClient()
  const initial = useLag()
  const [lag, setLag] = useState<IngestLag | null>(null)
  const pending = useRef<number | null>(null)
  useMonitoringStream({
    onLag: setLag,
    onAlarm: () => {
      if (pending.current !== null) return
      pending.current = window.setTimeout(() => {
        pending.current = null
        void queryClient.invalidateQueries({ queryKey: monitoringKeys.deviceMap })
      }, refreshEveryMs)
    },
  })
  const shown = lag ?? initial.data
  if (!shown) return null
  const ms = Math.round(shown.oldestUnprocessedAgeMs)
  return (
    <Tooltip
      title={t('monitoring.lagDetail', { queue: shown.queueDepth, accepted: shown.acceptedTotal, stored: shown.storedTotal, dropped: shown.droppedTotal })}
    >
      <Tag className={className} color={ms > 1000 || shown.droppedTotal > 0 ? 'warning' : 'default'} data-testid="ingest-lag">
        {t('monitoring.lag', { ms })}
      </Tag>
    </Tooltip>
  )
}
