import { useMemo } from 'react'
import { Card, Empty, Spin } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import { useReadings, type ReadingsParams } from '../api/get-readings.ts'
import type { MetricInfo } from '../api/types.ts'
import { ReadingChart, type ChartSeries } from './ReadingChart.tsx'
import { rollingSum } from './rolling-sum.ts'

/** Rainfall is reported per report; the rainstorm bands judge the 3 h sum (3小时累计雨量). */
const accumulated: Record<string, number> = { rainfall_mm: 3 * 3600_000 }

/** One metric of a device: its series and thresholds (live points are merged into the query cache). */
export function MetricChart({ deviceId, metric, params }: { deviceId: string; metric: MetricInfo; params: ReadingsParams }) {
  const { t, locale } = useI18n()
  const readings = useReadings(deviceId, params)
  const name = locale === 'zh' ? metric.name : metric.nameEn
  const data = readings.data
  const windowMs = accumulated[metric.metric]
  const series = useMemo<ChartSeries[]>(() => {
    if (!data) return []
    if (windowMs === undefined) return [{ name, points: data.points, color: '#1d6fd6', judged: true }]
    return [
      { name, points: data.points, color: '#8fb8e8', step: true },
      { name: t('monitoring.accumulated3h'), points: rollingSum(data.points, windowMs), color: '#0b3d91', judged: true },
    ]
  }, [data, name, t, windowMs])

  return (
    <Card size="small" title={`${name}（${metric.unit}）`} data-testid={`metric-${metric.metric}`} style={{ marginBottom: 12 }}>
      {readings.isPending ? (
        <Spin />
      ) : !data || data.points.length === 0 ? (
        <>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('monitoring.noReadings')} />
        </>
      ) : (
        <ReadingChart unit={data.unit || metric.unit} series={series} thresholds={data.thresholds} testId={`chart-${metric.metric}`} />
      )}
    </Card>
  )
}
