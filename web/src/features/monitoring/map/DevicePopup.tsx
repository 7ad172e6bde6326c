import { useState } from 'react'
import { Descriptions, Space, Spin, Typography } from 'antd'
import { Link } from 'react-router'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { OverlayProperties } from '../../../components/map/point-overlay.ts'
import { useDeviceTypes } from '../api/get-device-types.ts'
import { useReadings } from '../api/get-readings.ts'
import type { AlarmLevel, DeviceStatus, MetricInfo } from '../api/types.ts'
import { AlarmLevelTag } from '../components/AlarmLevelTag.tsx'
import { DeviceStatusTag } from '../components/DeviceStatusTag.tsx'
import { formatTime, formatValue } from '../components/format.ts'

/** MapLibre hands properties back as plain values; null may arrive as the text "null". */
const text = (value: unknown) => (value === null || value === undefined || value === 'null' ? null : String(value))

const dayMs = 24 * 3600_000

/** A device on the map: state, its last value per metric, and a link to its page. */
export function DevicePopup({ properties }: { properties: OverlayProperties }) {
  const { t, locale } = useI18n()
  const types = useDeviceTypes()
  const id = text(properties.id) ?? ''
  const type = types.data?.find((entry) => entry.type === text(properties.type))
  const level = text(properties.alarmLevel) as AlarmLevel | null
  return (
    <div data-testid="device-popup">
      <Space wrap size={6} style={{ marginBottom: 6 }}>
        <Typography.Text strong>{text(properties.name)}</Typography.Text>
        <AlarmLevelTag level={level} />
      </Space>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('monitoring.deviceCode')}>{text(properties.code)}</Descriptions.Item>
        <Descriptions.Item label={t('monitoring.deviceType')}>{type ? (locale === 'zh' ? type.name : type.nameEn) : text(properties.type)}</Descriptions.Item>
        <Descriptions.Item label={t('registry.status')}><DeviceStatusTag status={(text(properties.status) ?? 'never') as DeviceStatus} /></Descriptions.Item>
        {type?.metrics.map((metric) => (
          <Descriptions.Item key={metric.metric} label={locale === 'zh' ? metric.name : metric.nameEn}>
            <LatestValue deviceId={id} metric={metric} />
          </Descriptions.Item>
        ))}
      </Descriptions>
      <Link to={`/monitoring/devices/${id}`} data-testid="device-popup-link">{t('monitoring.openDevice')}</Link>
    </div>
  )
}

function LatestValue({ deviceId, metric }: { deviceId: string; metric: MetricInfo }) {
  const [from] = useState(() => new Date(Date.now() - dayMs).toISOString())
  const readings = useReadings(deviceId, { metric: metric.metric, from, bucket: 'raw' })
  if (readings.isPending) return <Spin size="small" />
  const last = readings.data?.points.at(-1)
  if (!last) return <Typography.Text type="secondary">—</Typography.Text>
  return (
    <span>
      {formatValue(last.value, metric.unit)} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatTime(last.ts).slice(5)}</Typography.Text>
    </span>
  )
}
