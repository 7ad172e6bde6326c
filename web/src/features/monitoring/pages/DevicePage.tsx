import { useMemo, useState } from 'react'
import { Alert, Button, Card, Descriptions, Segmented, Space, Spin, Typography } from 'antd'
import { ArrowLeftOutlined } from '@ant-design/icons'
import { useQueryClient } from '@tanstack/react-query'
import { Link, useParams } from 'react-router'
import { useI18n } from '../../../i18n/i18n.tsx'
import { SyntheticTag } from '../../../components/registry/SyntheticTag.tsx'
import { useAlarms } from '../api/get-alarms.ts'
import { useDevice } from '../api/get-device.ts'
import { useDeviceTypes } from '../api/get-device-types.ts'
import { readingsOptions, type ReadingsParams } from '../api/get-readings.ts'
import { useTownshipNames } from '../api/get-townships.ts'
import { monitoringKeys } from '../api/keys.ts'
import type { Bucket, ReadingEvent, ReadingSeries } from '../api/types.ts'
import { AlarmLevelTag } from '../components/AlarmLevelTag.tsx'
import { DeviceRulesCard } from '../components/DeviceRulesCard.tsx'
import { DeviceStatusTag } from '../components/DeviceStatusTag.tsx'
import { formatTime, formatValue, ruleNameOf } from '../components/format.ts'
import { MetricChart } from '../components/MetricChart.tsx'
import { useMonitoringStream } from '../stream/use-monitoring-stream.ts'

const ranges = { '6h': { ms: 6 * 3600_000, bucket: 'raw' }, '24h': { ms: 24 * 3600_000, bucket: 'raw' }, '7d': { ms: 7 * 24 * 3600_000, bucket: '1h' } } as const
type Range = keyof typeof ranges

/** A device: facts, open alarms, and a chart per metric that grows live from the stream. */
export function DevicePage() {
  const { id = '' } = useParams()
  const { t, locale } = useI18n()
  const queryClient = useQueryClient()
  const device = useDevice(id)
  const types = useDeviceTypes()
  const townships = useTownshipNames()
  const alarms = useAlarms({ status: 'open', deviceId: id })
  const [range, setRange] = useState<Range>('24h')
  const [from] = useState(() => Date.now())
  const params = useMemo(() => {
    const { ms, bucket } = ranges[range]
    return { from: new Date(from - ms).toISOString(), bucket: bucket as Bucket }
  }, [range, from])
  const type = types.data?.find((entry) => entry.type === device.data?.type)

  // Live readings go straight into the raw series' cached answer.
  useMonitoringStream(
    {
      onReading: (reading: ReadingEvent) => {
        if (reading.deviceId !== id || params.bucket !== 'raw') return
        const key = readingsOptions(id, { metric: reading.metric, ...params }).queryKey
        queryClient.setQueryData<ReadingSeries>(key, (old) => {
          if (!old || old.points.some((point) => point.ts === reading.ts)) return old
          const points = [...old.points, { ts: reading.ts, value: reading.value }].sort((a, b) => a.ts.localeCompare(b.ts))
          return { ...old, points }
        })
      },
      onAlarm: (alarm) => {
        if (alarm.deviceId !== id) return
        void queryClient.invalidateQueries({ queryKey: monitoringKeys.alarms })
        void queryClient.invalidateQueries({ queryKey: monitoringKeys.device(id) })
      },
    },
    { devices: [id], enabled: id !== '' },
  )

  if (device.isPending) return <Spin />
  if (!device.data) return <Alert type="error" title={t('monitoring.deviceMissing')} />
  const data = device.data
  const openAlarms = (alarms.data?.items ?? []).filter((alarm) => alarm.deviceId === id)

  return (
    <div data-testid="device-page">
      <Card
        title={
          <Space>
            <Link to="/monitoring/devices"><Button type="text" size="small" icon={<ArrowLeftOutlined />} aria-label={t('monitoring.devices')} /></Link>
            <span>{data.name}</span>
            <Typography.Text type="secondary">{data.code}</Typography.Text>
            <AlarmLevelTag level={data.alarmLevel} />
            <SyntheticTag synthetic={data.synthetic} />
          </Space>
        }
        style={{ marginBottom: 12 }}
      >
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
          <Descriptions.Item label={t('monitoring.deviceType')}>{type ? (locale === 'zh' ? type.name : type.nameEn) : data.type}</Descriptions.Item>
          <Descriptions.Item label={t('monitoring.township')}>{townships.data?.get(data.divisionCode.slice(0, 9)) ?? data.divisionCode}</Descriptions.Item>
          <Descriptions.Item label={t('registry.status')}><DeviceStatusTag status={data.status} /></Descriptions.Item>
          <Descriptions.Item label={t('monitoring.lastSeenAt')}>{formatTime(data.lastSeenAt)}</Descriptions.Item>
          <Descriptions.Item label={t('registry.location')}>{data.location.lon.toFixed(5)}, {data.location.lat.toFixed(5)}</Descriptions.Item>
          {data.expectedIntervalS !== undefined && <Descriptions.Item label={t('monitoring.expectedInterval')}>{data.expectedIntervalS} s</Descriptions.Item>}
        </Descriptions>
        {openAlarms.map((alarm) => (
          <Alert
            key={alarm.id}
            type={alarm.level === 'red' || alarm.level === 'orange' ? 'error' : 'warning'}
            showIcon
            style={{ marginTop: 8 }}
            title={<Space><AlarmLevelTag level={alarm.level} />{ruleNameOf(alarm, locale)} · {formatValue(alarm.value)} · {formatTime(alarm.raisedAt)}</Space>}
            description={alarm.message}
            data-testid="device-alarm"
          />
        ))}
      </Card>
      <DeviceRulesCard device={data} />
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text>{t('monitoring.range')}</Typography.Text>
        <Segmented<Range>
          value={range}
          onChange={setRange}
          options={[{ value: '6h', label: t('monitoring.range6h') }, { value: '24h', label: t('monitoring.range24h') }, { value: '7d', label: t('monitoring.range7d') }]}
        />
      </Space>
      {(type?.metrics ?? []).map((metric) => (
        <MetricChart key={metric.metric} deviceId={id} metric={metric} params={{ metric: metric.metric, ...params } satisfies ReadingsParams} />
      ))}
    </div>
  )
}
