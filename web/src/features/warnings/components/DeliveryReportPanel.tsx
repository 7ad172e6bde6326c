import { useEffect, useRef } from 'react'
import { Alert, Card, Col, Progress, Row, Spin, Statistic, Table, Tag } from 'antd'
import { LineChart } from 'echarts/charts'
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { MessageKey } from '../../../i18n/messages.ts'
import type { Counts, DeliveryReport } from '../api/types.ts'
import { useDeliveryReport } from '../api/warnings.ts'
import { useRegistrySession } from '../../../components/registry/session.tsx'
import { deliveryReaderRoles } from './permissions.ts'

type CountRow = Counts & { channel?: string; townshipCode?: string | null; townshipName?: string | null }

echarts.use([LineChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer])

/** 送达情况: % reached over time, by channel and township; polls while messages are in flight. */
export function DeliveryReportPanel({ warningId, issued }: { warningId: string; issued: boolean }) {
  const { t } = useI18n()
  const { role } = useRegistrySession()
  const reader = deliveryReaderRoles.includes(role)
  const report = useDeliveryReport(warningId, { enabled: issued && reader })
  if (!reader) return null
  if (!issued) return <Card size="small" title={t('warnings.detail.delivery')}>{t('warnings.detail.notSent')}</Card>
  if (report.isPending) return <Card size="small" title={t('warnings.detail.delivery')}><Spin /></Card>
  if (report.isError) return <Card size="small" title={t('warnings.detail.delivery')}><Alert type="warning" showIcon message={report.error.message} /></Card>
  const data = report.data
  const countColumns = (first: { title: string; render: (row: CountRow) => string }) => [
    { title: first.title, key: 'name', render: (_: unknown, row: CountRow) => first.render(row) },
    { title: t('warnings.count.total'), dataIndex: 'total', align: 'right' as const },
    { title: t('warnings.count.delivered'), dataIndex: 'delivered', align: 'right' as const },
    { title: t('warnings.count.acknowledged'), dataIndex: 'acknowledged', align: 'right' as const },
    { title: t('warnings.count.failed'), dataIndex: 'failed', align: 'right' as const },
    // queued and handed to the gateway alike: nothing heard back from the recipient's side yet
    { title: t('warnings.count.pending'), key: 'pending', align: 'right' as const, render: (_: unknown, row: Counts) => row.queued + row.sent },
    { title: t('warnings.count.percent'), dataIndex: 'reachedPercent', width: 140, render: (p: number) => <Progress percent={Math.round(p * 10) / 10} size="small" /> },
  ]
  const channelName = (channel: string) => {
    const text = t(`warnings.channel.${channel}` as MessageKey)
    return text && !text.startsWith('warnings.') ? text : channel
  }
  const minutes = (seconds: number | null) => (seconds === null ? '—' : `${(seconds / 60).toFixed(1)} min`)
  const pct = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)}%`)
  return (
    <Card size="small" title={t('warnings.detail.delivery')} data-testid="delivery-report"
      extra={data.scope && <Tag color="blue" data-testid="delivery-scope">{t('warnings.detail.scope', { township: data.scope.townshipName ?? data.scope.townshipCode })}</Tag>}>
      {data.simulatedChannels.length > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="delivery-simulated"
          message={<><Tag color="purple">{t('warnings.detail.simulatedTag')}</Tag>{t('warnings.detail.simulated', { channels: data.simulatedChannels.map(channelName).join('、') })}</>} />
      )}
      <Row gutter={12}>
        <Col span={6}><Statistic title={t('warnings.detail.reached')} value={data.totals.reachedPercent} precision={1} suffix="%" /></Col>
        <Col span={6}><Statistic title={t('warnings.detail.to95')} value={minutes(data.secondsTo95Percent)} /></Col>
        <Col span={6}><Statistic title={t('warnings.detail.responsible5')} value={pct(data.goals.responsibleWithin5MinPercent)} /></Col>
        <Col span={6}><Statistic title={t('warnings.detail.public10')} value={pct(data.goals.publicWithin10MinPercent)} /></Col>
      </Row>
      <ReachedChart report={data} />
      <Table size="small" pagination={false} rowKey="channel" dataSource={data.byChannel as CountRow[]} style={{ marginBottom: 12 }}
        columns={countColumns({ title: t('warnings.audience.byChannel'), render: (row) => channelName(String(row.channel)) })} />
      <Table size="small" pagination={{ pageSize: 10, hideOnSinglePage: true }} rowKey={(row) => String(row.townshipCode ?? 'none')} dataSource={data.byTownship as CountRow[]}
        columns={countColumns({ title: t('warnings.audience.byTownship'), render: (row) => String(row.townshipName ?? '—') })} />
    </Card>
  )
}

function ReachedChart({ report }: { report: DeliveryReport }) {
  const { t } = useI18n()
  const ref = useRef<HTMLDivElement>(null)
  const chartRef = useRef<echarts.ECharts | null>(null)
  useEffect(() => {
    if (!ref.current) return
    const chart = echarts.init(ref.current)
    chartRef.current = chart
    const resize = () => chart.resize()
    window.addEventListener('resize', resize)
    return () => {
      window.removeEventListener('resize', resize)
      chart.dispose()
      chartRef.current = null
    }
  }, [])
  useEffect(() => {
    chartRef.current?.setOption({
      animation: false,
      grid: { left: 44, right: 16, top: 28, bottom: 36 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v.toFixed(1)}%` },
      xAxis: { type: 'value', name: t('warnings.detail.minute'), nameLocation: 'middle', nameGap: 24, min: 0 },
      yAxis: { type: 'value', name: t('warnings.detail.reachedOverTime'), min: 0, max: 100 },
      series: [{
        type: 'line', name: t('warnings.detail.reached'), showSymbol: report.timeline.length < 30, step: 'end', areaStyle: { opacity: 0.15 },
        data: [[0, 0], ...report.timeline.map((point) => [point.minute, point.percent])],
        markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#52c41a' }, data: [{ yAxis: 95, label: { formatter: '95%' } }, { xAxis: 5, label: { formatter: '5 min' } }, { xAxis: 10, label: { formatter: '10 min' } }] },
      }],
    })
  }, [report, t])
  return <div ref={ref} style={{ height: 220, margin: '12px 0' }} data-testid="delivery-chart" />
}
