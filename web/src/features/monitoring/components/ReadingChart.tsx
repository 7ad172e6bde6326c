import { useEffect, useRef } from 'react'
import { LineChart, type LineSeriesOption } from 'echarts/charts'
import { DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import type { ReadingPoint, Threshold } from '../api/types.ts'
import { alarmLevelHex, alarmLevelRank } from './alarm-colours.ts'

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, DataZoomComponent, CanvasRenderer])

export interface ChartSeries {
  name: string
  points: ReadingPoint[]
  color: string
  /** Thresholds are drawn on this series (the one the rules judge). */
  judged?: boolean
  /** Drawn as bars-like steps (e.g. rainfall per report). */
  step?: boolean
}

export interface ReadingChartProps {
  unit: string
  series: ChartSeries[]
  thresholds: Threshold[]
  height?: number
  testId?: string
}

/** 108 → 110, 57.2 → 58, 5430 → 5500: up to two significant digits. */
function niceCeil(value: number): number {
  if (value <= 0) return 0
  const step = 10 ** Math.floor(Math.log10(value)) / 10
  return Number((Math.ceil(Number((value / step).toPrecision(12))) * step).toPrecision(12))
}

/** The words every threshold label starts with (the rule's name), to say once rather than on every line. */
function commonLead(labels: readonly string[]): string {
  if (labels.length < 2) return ''
  let lead = labels[0]!
  for (const label of labels) while (!label.startsWith(lead)) lead = lead.slice(0, -1)
  const space = lead.lastIndexOf(' ')
  return space < 0 ? '' : lead.slice(0, space + 1)
}

/**
 * One line per threshold value: rules that share a value (e.g. 50 mm in 12 h blue, 6 h yellow,
 * 3 h orange) share a line in the most severe colour, their labels side by side.
 */
function linesByValue(thresholds: readonly Threshold[]): Threshold[] {
  const lead = commonLead(thresholds.map((threshold) => threshold.label))
  const lines = new Map<number, Threshold>()
  for (const threshold of thresholds) {
    const label = threshold.label.slice(lead.length)
    const line = lines.get(threshold.value)
    if (!line) lines.set(threshold.value, { ...threshold, label })
    else {
      line.label = `${line.label} · ${label}`
      if (alarmLevelRank[threshold.level] < alarmLevelRank[line.level]) line.level = threshold.level
    }
  }
  return [...lines.values()]
}

/**
 * A metric's time series with its thresholds as horizontal mark lines in their warning
 * colours; the y axis always reaches the highest threshold so the lines stay in view.
 */
export function ReadingChart({ unit, series, thresholds, height = 300, testId }: ReadingChartProps) {
  const node = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)

  useEffect(() => {
    if (!node.current) return
    const instance = echarts.init(node.current, undefined, { renderer: 'canvas' })
    chart.current = instance
    const resize = new ResizeObserver(() => instance.resize())
    resize.observe(node.current)
    return () => {
      resize.disconnect()
      instance.dispose()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    const highest = thresholds.reduce((max, threshold) => Math.max(max, threshold.value), Number.NEGATIVE_INFINITY)
    const lines: LineSeriesOption[] = series.map((one) => ({
      type: 'line',
      name: one.name,
      data: one.points.map((point) => [point.ts, point.value]),
      showSymbol: one.points.length < 60,
      step: one.step ? 'end' : false,
      color: one.color,
      lineStyle: { width: one.judged ? 2 : 1.2 },
      markLine: one.judged && thresholds.length > 0
        ? {
            symbol: 'none',
            silent: true,
            data: linesByValue(thresholds).map((line) => ({
              yAxis: line.value,
              name: line.label,
              lineStyle: { color: alarmLevelHex[line.level], type: 'dashed', width: 1.6 },
              label: { formatter: line.label, position: 'insideEndTop', color: alarmLevelHex[line.level], fontWeight: 'bold', fontSize: 11 },
            })),
          }
        : undefined,
    }))
    chart.current?.setOption(
      {
        animation: false,
        grid: { left: 56, right: 24, top: 36, bottom: 56 },
        legend: { top: 4 },
        tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => `${typeof value === 'number' ? Math.round(value * 100) / 100 : String(value)} ${unit}` },
        xAxis: { type: 'time' },
        yAxis: {
          type: 'value',
          name: unit,
          scale: true,
          // Room above the highest threshold for its label, rounded to a tidy tick.
          max: Number.isFinite(highest) ? (extent: { max: number }) => niceCeil(Math.max(extent.max, highest * 1.1)) : undefined,
        },
        dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
        series: lines,
      },
      { notMerge: true },
    )
  }, [series, thresholds, unit])

  // The chart's data also sits in the DOM for tests and screen readers: thresholds by level.
  return (
    <div
      ref={node}
      style={{ width: '100%', height }}
      data-testid={testId}
      data-thresholds={thresholds.map((threshold) => `${threshold.level}:${threshold.value}`).join(',')}
      data-points={series.reduce((count, one) => count + one.points.length, 0)}
    />
  )
}
