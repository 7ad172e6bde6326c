import { Button, Select, Segmented, Space, Typography } from 'antd'
import { useI18n } from '../../../../i18n/i18n.tsx'
import type { EvacuationArea, Option, VillagePoint, WarningArea } from '../../api/planning.ts'

export type AreaMode = 'warning' | 'villages' | 'townships' | 'polygon'

/** What the planner has picked in each mode; only the current mode's pick is planned. */
export interface AreaPick {
  mode: AreaMode
  warningId: string | null
  villages: string[]
  townships: string[]
  corners: [number, number][]
}

/** The request's area for the pick, or null while it is incomplete. */
export function areaOf(pick: AreaPick): EvacuationArea | null {
  if (pick.mode === 'warning') return pick.warningId ? { warningId: pick.warningId } : null
  if (pick.mode === 'villages') return pick.villages.length ? { divisionCodes: pick.villages } : null
  if (pick.mode === 'townships') return pick.townships.length ? { divisionCodes: pick.townships } : null
  return pick.corners.length >= 3 ? { polygon: { type: 'Polygon', coordinates: [[...pick.corners, pick.corners[0]!]] } } : null
}

/** 转移区域: a warning in force, villages (by name or on the map), townships, or a drawn polygon. */
export function EvacuationAreaPicker({ pick, onChange, warnings, villages, townships }: {
  pick: AreaPick
  onChange: (pick: AreaPick) => void
  warnings: WarningArea[]
  villages: VillagePoint[]
  townships: Option[]
}) {
  const { t } = useI18n()
  const townshipName = new Map(townships.map((o) => [o.value, o.label]))
  const villageOptions = villages.map((v) => ({ value: v.code, label: `${v.name}（${townshipName.get(v.parentCode) ?? v.parentCode}）` }))
  return (
    <Space wrap align="center">
      <Segmented<AreaMode>
        value={pick.mode} onChange={(mode) => onChange({ ...pick, mode })} data-testid="evac-area-mode"
        options={(['warning', 'villages', 'townships', 'polygon'] as const).map((m) => ({ value: m, label: <span data-testid={`evac-mode-${m}`}>{t(`dispatch.evac.mode.${m}`)}</span> }))}
      />
      {pick.mode === 'warning' && (
        <Select
          value={pick.warningId ?? undefined} onChange={(warningId: string) => onChange({ ...pick, warningId })} style={{ minWidth: 360 }}
          placeholder={warnings.length ? t('dispatch.evac.warning') : t('dispatch.evac.noActiveWarning')} data-testid="evac-warning"
          options={warnings.map((w) => ({ value: w.id, label: w.headline }))} showSearch optionFilterProp="label"
        />
      )}
      {pick.mode === 'villages' && (
        <>
          <Select
            mode="multiple" showSearch optionFilterProp="label" value={pick.villages} onChange={(codes: string[]) => onChange({ ...pick, villages: codes })}
            options={villageOptions} style={{ minWidth: 360, maxWidth: 640 }} placeholder={t('dispatch.evac.villages')} data-testid="evac-villages"
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dispatch.evac.villagesHint')}</Typography.Text>
        </>
      )}
      {pick.mode === 'townships' && (
        <Select
          mode="multiple" showSearch optionFilterProp="label" value={pick.townships} onChange={(codes: string[]) => onChange({ ...pick, townships: codes })}
          options={townships} style={{ minWidth: 320 }} placeholder={t('dispatch.evac.area')} data-testid="evac-townships"
        />
      )}
      {pick.mode === 'polygon' && (
        <>
          <Typography.Text data-testid="evac-polygon-corners">{t('dispatch.evac.polygonHint', { n: pick.corners.length })}</Typography.Text>
          <Button size="small" onClick={() => onChange({ ...pick, corners: [] })} disabled={pick.corners.length === 0}>{t('dispatch.evac.clear')}</Button>
        </>
      )}
    </Space>
  )
}

/** Toggles the village nearest a map click (within about 1.5 km) in the pick. */
export function toggleVillageAt(pick: AreaPick, villages: VillagePoint[], at: { lon: number; lat: number }): AreaPick {
  let nearest: VillagePoint | null = null
  let best = Infinity
  const cos = Math.cos((at.lat * Math.PI) / 180)
  for (const v of villages) {
    const d = Math.hypot((v.lon - at.lon) * cos, v.lat - at.lat)
    if (d < best) [best, nearest] = [d, v]
  }
  if (!nearest || best * 111_000 > 1500) return pick
  const code = nearest.code
  return { ...pick, villages: pick.villages.includes(code) ? pick.villages.filter((c) => c !== code) : [...pick.villages, code] }
}
