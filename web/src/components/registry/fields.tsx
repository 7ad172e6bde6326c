import { Form, InputNumber, Space } from 'antd'
import { useI18n, type Translate } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/messages.ts'

/** `{value, label}` options of an enum whose labels are the message keys `<prefix>.<value>`. */
export function enumOptions<K extends string>(t: Translate, prefix: string, values: readonly K[]): { value: K; label: string }[] {
  return values.map((value) => ({ value, label: t(`${prefix}.${value}` as MessageKey) }))
}

/** An enum value's label (`<prefix>.<value>`), or the raw value when the key is unknown. */
export function enumLabel(t: Translate, prefix: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—'
  const text = t(`${prefix}.${value}` as MessageKey)
  return text === undefined ? value : text
}

export interface LonLat {
  lon: number
  lat: number
}

/** Longitude and latitude (WGS84) as two inputs under `location`; both or neither. */
export function LocationFields({ required = false }: { required?: boolean }) {
  const { t } = useI18n()
  const rules = [{ required, message: t('registry.required', { field: t('registry.location') }) }]
  return (
    <Form.Item label={`${t('registry.location')}（WGS84）`} required={required} style={{ marginBottom: 0 }}>
      <Space.Compact block>
        <Form.Item name={['location', 'lon']} rules={rules} style={{ width: '50%' }}>
          <InputNumber min={73} max={136} step={0.0001} precision={6} placeholder={t('registry.lon')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name={['location', 'lat']} rules={rules} style={{ width: '50%' }}>
          <InputNumber min={3} max={54} step={0.0001} precision={6} placeholder={t('registry.lat')} style={{ width: '100%' }} />
        </Form.Item>
      </Space.Compact>
    </Form.Item>
  )
}

/** The form's `location` as the API wants it: both numbers, or left out. */
export function locationInput(location: Partial<LonLat> | null | undefined): LonLat | undefined {
  return typeof location?.lon === 'number' && typeof location.lat === 'number' ? { lon: location.lon, lat: location.lat } : undefined
}

/** `117.1234°E, 28.9876°N` */
export function formatLonLat(location: LonLat | null | undefined): string {
  return location ? `${location.lon.toFixed(4)}°E, ${location.lat.toFixed(4)}°N` : '—'
}
