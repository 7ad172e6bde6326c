import { useMemo, useState } from 'react'
import { Alert, Button, InputNumber, Segmented, Select, Space, Typography } from 'antd'
import type { FeatureCollection, Geometry, Point } from 'geojson'
import { useI18n } from '../../../i18n/i18n.tsx'
import { useDivisionPoints } from '../api/public.ts'
import type { LonLat, WarningAreaInput } from '../api/types.ts'
import { WarningMap } from '../map/WarningMap.tsx'
import { circlePolygon, closeRing, polygonFeature } from '../map/geometry.ts'

type Mode = 'divisions' | 'polygon' | 'circle'

export interface AreaEditorProps {
  value: WarningAreaInput | undefined
  onChange: (area: WarningAreaInput | undefined) => void
  /** The area as the server resolved it (saved drafts), drawn under the editor's shapes. */
  resolved?: FeatureCollection<Geometry>
}

const modeOf = (area: WarningAreaInput | undefined): Mode => (area && 'polygon' in area ? 'polygon' : area && 'circle' in area ? 'circle' : 'divisions')

/**
 * 预警区域: townships/villages picked from a list (marked on the map), a polygon drawn by
 * clicking its corners on the map and closing it, or a circle (centre click + radius).
 */
export function AreaEditor({ value, onChange, resolved }: AreaEditorProps) {
  const { t } = useI18n()
  const [mode, setMode] = useState<Mode>(modeOf(value))
  const [corners, setCorners] = useState<LonLat[]>(() => (value && 'polygon' in value ? value.polygon.slice(0, -1) : []))
  const [closed, setClosed] = useState(Boolean(value && 'polygon' in value))
  const [center, setCenter] = useState<LonLat | null>(value && 'circle' in value ? value.circle.center : null)
  const [radiusKm, setRadiusKm] = useState<number>(value && 'circle' in value ? value.circle.radiusKm : 3)
  const townships = useDivisionPoints('township')
  const villages = useDivisionPoints('village')
  const codes = value && 'divisionCodes' in value ? value.divisionCodes : []

  const pointsByCode = useMemo(() => {
    const all = new Map<string, { name: string; parentCode?: string | null; coordinates: LonLat }>()
    for (const f of [...(townships.data?.features ?? []), ...(villages.data?.features ?? [])]) {
      all.set(f.properties.code, { name: f.properties.name, parentCode: f.properties.parentCode, coordinates: f.geometry.coordinates as LonLat })
    }
    return all
  }, [townships.data, villages.data])

  const options = useMemo(() => {
    const townshipName = (code: string | null | undefined) => (code ? pointsByCode.get(code)?.name ?? '' : '')
    return [
      ...(townships.data?.features ?? []).map((f) => ({ value: f.properties.code, label: f.properties.name })),
      ...(villages.data?.features ?? []).map((f) => ({ value: f.properties.code, label: `${townshipName(f.properties.parentCode)} · ${f.properties.name}` })),
    ]
  }, [townships.data, villages.data, pointsByCode])

  const points: FeatureCollection<Point> = useMemo(() => ({
    type: 'FeatureCollection',
    features: mode !== 'divisions' ? [] : codes.flatMap((code) => {
      const point = pointsByCode.get(code)
      return point ? [{ type: 'Feature' as const, properties: { code, name: point.name }, geometry: { type: 'Point' as const, coordinates: point.coordinates } }] : []
    }),
  }), [codes, pointsByCode, mode])

  const drawing = useMemo(() => {
    if (mode === 'polygon') {
      const geometry: Geometry = closed && corners.length >= 3
        ? { type: 'Polygon', coordinates: [closeRing(corners)] }
        : { type: 'LineString', coordinates: corners }
      return { corners, preview: { type: 'FeatureCollection' as const, features: corners.length >= 2 ? [{ type: 'Feature' as const, properties: {}, geometry }] : [] } }
    }
    if (mode === 'circle' && center) {
      return { corners: [center], preview: { type: 'FeatureCollection' as const, features: [polygonFeature(circlePolygon(center, radiusKm))] } }
    }
    return { corners: [], preview: { type: 'FeatureCollection' as const, features: [] } }
  }, [mode, corners, closed, center, radiusKm])

  const switchMode = (next: Mode) => {
    setMode(next)
    if (next === 'divisions') onChange(codes.length ? { divisionCodes: codes } : undefined)
    if (next === 'polygon') onChange(closed && corners.length >= 3 ? { polygon: closeRing(corners) } : undefined)
    if (next === 'circle') onChange(center ? { circle: { center, radiusKm } } : undefined)
  }

  const onMapClick = mode === 'polygon' && !closed
    ? (point: LonLat) => setCorners((current) => [...current, point])
    : mode === 'circle'
      ? (point: LonLat) => { setCenter(point); onChange({ circle: { center: point, radiusKm } }) }
      : undefined

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={8} data-testid="area-editor">
      <Segmented<Mode>
        value={mode}
        onChange={switchMode}
        options={[
          { value: 'divisions', label: <span data-testid="area-mode-divisions">{t('warnings.area.mode.divisions')}</span> },
          { value: 'polygon', label: <span data-testid="area-mode-polygon">{t('warnings.area.mode.polygon')}</span> },
          { value: 'circle', label: <span data-testid="area-mode-circle">{t('warnings.area.mode.circle')}</span> },
        ]}
      />
      {mode === 'divisions' && (
        <Select
          mode="multiple"
          showSearch
          optionFilterProp="label"
          style={{ width: '100%' }}
          placeholder={t('warnings.area.divisions')}
          options={options}
          value={codes}
          loading={townships.isPending || villages.isPending}
          onChange={(next: string[]) => onChange(next.length ? { divisionCodes: next } : undefined)}
          data-testid="area-divisions"
        />
      )}
      {mode === 'polygon' && (
        <Space wrap>
          <Typography.Text type="secondary">{closed ? t('warnings.area.closed') : t('warnings.area.polygonHelp')}</Typography.Text>
          <Typography.Text data-testid="polygon-count">{t('warnings.area.points', { count: corners.length })}</Typography.Text>
          <Button size="small" disabled={closed || corners.length < 3} data-testid="polygon-close"
            onClick={() => { setClosed(true); onChange({ polygon: closeRing(corners) }) }}>{t('warnings.area.close')}</Button>
          <Button size="small" disabled={closed || corners.length === 0} onClick={() => setCorners((current) => current.slice(0, -1))}>{t('warnings.area.undo')}</Button>
          <Button size="small" onClick={() => { setCorners([]); setClosed(false); onChange(undefined) }}>{t('warnings.area.clear')}</Button>
        </Space>
      )}
      {mode === 'circle' && (
        <Space wrap>
          <Typography.Text type="secondary">{center ? t('warnings.area.center', { lon: center[0].toFixed(4), lat: center[1].toFixed(4) }) : t('warnings.area.circleHelp')}</Typography.Text>
          <span>{t('warnings.area.radius')}</span>
          <InputNumber min={0.1} max={100} step={0.5} value={radiusKm} data-testid="circle-radius"
            onChange={(next) => { const r = Number(next) || 0.1; setRadiusKm(r); if (center) onChange({ circle: { center, radiusKm: r } }) }} />
        </Space>
      )}
      {!value && <Alert type="info" showIcon message={t('warnings.area.empty')} />}
      <WarningMap areas={resolved} points={points} drawing={drawing} onMapClick={onMapClick} height={380} testId="area-map" />
    </Space>
  )
}
