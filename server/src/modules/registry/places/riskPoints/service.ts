/**
 * Risk points (风险点) of enterprises and public places: scored by LEC or LS, coloured by the
 * four risk levels (重大/较大/一般/低 = 红/橙/黄/蓝) and rescored on every change.
 * Enterprise users see and change only their own enterprise's points.
 */
import crypto from 'node:crypto'
import { riskLevelInfo } from '@yingji/domain/risk/riskLevel'
import type { Db, Queryable } from '../../../../db/database.ts'
import type { Actor } from '../../../../http/access.ts'
import { forbidden, invalid } from '../../../../http/errors.ts'
import { recordAudit } from '../../../auth/index.ts'
import { enqueueEvent } from '../../../events/outbox.ts'
import { assertVisible, listPrefix, namesFor, resolveDivision } from '../core/scope.ts'
import * as queries from './queries.ts'
import type { RiskPointCreate, RiskPointPatch } from './schemas.ts'
import { scoreRiskPoint, type RiskRules } from './scoring.ts'
import { enterpriseDivision } from './enterpriseLookup.ts'

const what = ['风险点', 'Risk point'] as const

export interface RiskPointView {
  id: string
  name: string
  kind: 'enterprise' | 'public_place'
  enterpriseId: string | null
  placeType: string
  divisionCode: string
  divisionName: string | null
  location: { lon: number; lat: number } | null
  method: 'LEC' | 'LS'
  likelihood: number
  exposure: number | null
  consequence: number | null
  severity: number | null
  score: number
  level: queries.RiskPointValues['level']
  levelName: string
  colour: queries.RiskPointValues['colour']
  bandLabel: string | null
  hazards: string
  consequences: string
  controlMeasures: queries.ControlMeasure[]
  emergencyMeasures: string
  responsiblePerson: string
  responsiblePhone: string
  reviewDate: string | null
  synthetic: boolean
  createdAt: string
  updatedAt: string
}

const iso = (value: Date | string) => new Date(value).toISOString()

export function viewOf(row: queries.RiskPointRow, names: Map<string, string>): RiskPointView {
  return {
    id: row.id, name: row.name, kind: row.kind, enterpriseId: row.enterprise_id, placeType: row.place_type,
    divisionCode: row.division_code, divisionName: names.get(row.division_code) ?? null,
    location: row.lon === null || row.lat === null ? null : { lon: row.lon, lat: row.lat },
    method: row.method, likelihood: row.likelihood, exposure: row.exposure, consequence: row.consequence, severity: row.severity,
    score: row.score, level: row.level, levelName: riskLevelInfo[row.level].name.zh, colour: row.colour, bandLabel: row.band_label,
    hazards: row.hazards, consequences: row.consequences, controlMeasures: row.control_measures,
    emergencyMeasures: row.emergency_measures, responsiblePerson: row.responsible_person, responsiblePhone: row.responsible_phone,
    reviewDate: row.review_date, synthetic: row.synthetic, createdAt: iso(row.created_at), updatedAt: iso(row.updated_at),
  }
}

/** The filter a caller may use: enterprise users are pinned to their own enterprise. */
export function scopedFilter(actor: Actor, query: Omit<queries.RiskPointFilter, 'prefix'> & { divisionCode?: string | undefined }): queries.RiskPointFilter {
  const filter = { ...query, prefix: listPrefix(actor, query.divisionCode) }
  if (actor.role === 'enterprise') {
    if (query.enterpriseId && query.enterpriseId !== actor.enterpriseId) throw forbidden()
    filter.enterpriseId = actor.enterpriseId ?? crypto.randomUUID() // no enterprise: sees nothing
  }
  return filter
}

export async function listRiskPoints(
  q: Queryable, actor: Actor, query: Parameters<typeof scopedFilter>[1] & { page: number; pageSize: number },
) {
  const { rows, total } = await queries.findRiskPointPage(q, scopedFilter(actor, query), {
    limit: query.pageSize, offset: (query.page - 1) * query.pageSize,
  })
  const names = await namesFor(q, rows)
  return { items: rows.map((r) => viewOf(r, names)), total, page: query.page, pageSize: query.pageSize }
}

/** Every row a filter selects, with division names (export, three lists). */
export async function allRiskPoints(q: Queryable, actor: Actor, query: Parameters<typeof scopedFilter>[1]): Promise<RiskPointView[]> {
  const rows = await queries.findAllRiskPoints(q, scopedFilter(actor, query))
  const names = await namesFor(q, rows)
  return rows.map((r) => viewOf(r, names))
}

async function loadVisible(q: Queryable, actor: Actor, id: string): Promise<queries.RiskPointRow> {
  const row = assertVisible(actor, await queries.findRiskPoint(q, id), ...what)
  if (actor.role === 'enterprise' && row.enterprise_id !== actor.enterpriseId) throw forbidden()
  return row
}

export async function getRiskPoint(q: Queryable, actor: Actor, id: string): Promise<RiskPointView> {
  const row = await loadVisible(q, actor, id)
  return viewOf(row, await namesFor(q, [row]))
}

export async function riskPointMap(q: Queryable, actor: Actor, query: Parameters<typeof scopedFilter>[1]) {
  const rows = await queries.findAllRiskPoints(q, scopedFilter(actor, query))
  return {
    type: 'FeatureCollection' as const,
    features: rows.filter((r) => r.lon !== null && r.lat !== null).map((r) => ({
      type: 'Feature' as const,
      properties: {
        id: r.id, name: r.name, level: r.level, levelName: riskLevelInfo[r.level].name.zh, colour: r.colour,
        kind: r.kind, score: r.score, synthetic: r.synthetic,
      },
      geometry: { type: 'Point' as const, coordinates: [r.lon!, r.lat!] },
    })),
  }
}

/** A full input (create, or a patch laid over the stored row) checked, scored and ready to store. */
export async function prepareRiskPoint(
  q: Queryable, actor: Actor, id: string, input: RiskPointCreate, rules: RiskRules, synthetic = false, fieldPrefix = 'body',
): Promise<queries.RiskPointValues> {
  const division = await resolveDivision(q, actor, input.divisionCode, `${fieldPrefix}.divisionCode`)
  let enterpriseId = input.enterpriseId ?? null
  if (actor.role === 'enterprise') {
    if (enterpriseId !== null && enterpriseId !== actor.enterpriseId) throw forbidden('只能登记本企业的风险点', 'You may only register your own enterprise\'s risk points')
    if (input.kind !== 'enterprise') throw forbidden('企业用户只能登记企业风险点', 'Enterprise users register enterprise risk points only')
    enterpriseId = actor.enterpriseId
  }
  if (input.kind === 'public_place' && enterpriseId !== null) {
    throw invalid('enterprise_not_allowed', `${fieldPrefix}.enterpriseId`, '公共场所风险点不能关联企业', 'A public-place risk point has no enterprise')
  }
  if (enterpriseId !== null && actor.role !== 'enterprise' && !(await enterpriseDivision(q, enterpriseId))) {
    throw invalid('unknown_enterprise', `${fieldPrefix}.enterpriseId`, `企业不存在：${enterpriseId}`, `No such enterprise: ${enterpriseId}`)
  }
  const { factors, banded } = scoreRiskPoint({
    method: input.method, likelihood: input.likelihood,
    exposure: input.exposure ?? null, consequence: input.consequence ?? null, severity: input.severity ?? null,
  }, rules, fieldPrefix)
  return {
    id, name: input.name.trim(), kind: input.kind, enterprise_id: enterpriseId, place_type: input.placeType ?? '',
    division_code: division.code, lon: input.location?.lon ?? null, lat: input.location?.lat ?? null,
    method: factors.method, likelihood: factors.likelihood, exposure: factors.exposure, consequence: factors.consequence,
    severity: factors.severity, score: banded.score, level: banded.level, colour: banded.colour,
    band_label: banded.band.label?.zh ?? null,
    hazards: input.hazards ?? '', consequences: input.consequences ?? '', control_measures: input.controlMeasures ?? [],
    emergency_measures: input.emergencyMeasures ?? '', responsible_person: input.responsiblePerson ?? '',
    responsible_phone: input.responsiblePhone ?? '', review_date: input.reviewDate ?? null, synthetic,
  }
}

const eventOf = (row: queries.RiskPointValues, change: 'created' | 'updated' | 'deleted') =>
  ({ id: row.id, change, divisionCode: row.division_code, enterpriseId: row.enterprise_id, level: row.level, colour: row.colour })

export async function createRiskPoint(db: Db, actor: Actor, input: RiskPointCreate, rules: RiskRules): Promise<RiskPointView> {
  const id = crypto.randomUUID()
  await db.transaction(async (tx) => {
    const row = await prepareRiskPoint(tx, actor, id, input, rules)
    await queries.insertRiskPoints(tx, [row])
    await recordAudit(tx, { actor, action: 'risk_point.create', entity: 'risk_point', entityId: id, after: row })
    await enqueueEvent(tx, 'registry.risk_point_changed', eventOf(row, 'created'))
  })
  return getRiskPoint(db, actor, id)
}

/** Stored row → the create shape, so a patch can be laid over it and checked as a whole. */
const inputOf = (row: queries.RiskPointRow): RiskPointCreate => ({
  name: row.name, kind: row.kind, enterpriseId: row.enterprise_id, placeType: row.place_type, divisionCode: row.division_code,
  location: row.lon === null || row.lat === null ? null : { lon: row.lon, lat: row.lat },
  method: row.method, likelihood: row.likelihood, exposure: row.exposure, consequence: row.consequence, severity: row.severity,
  hazards: row.hazards, consequences: row.consequences, controlMeasures: row.control_measures,
  emergencyMeasures: row.emergency_measures, responsiblePerson: row.responsible_person,
  responsiblePhone: row.responsible_phone, reviewDate: row.review_date,
})

export async function updateRiskPoint(db: Db, actor: Actor, id: string, patch: RiskPointPatch, rules: RiskRules): Promise<RiskPointView> {
  await db.transaction(async (tx) => {
    const before = await loadVisible(tx, actor, id)
    const merged = { ...inputOf(before), ...patch }
    // Switching method drops the factors of the other one unless the patch gives them.
    if (patch.method && patch.method !== before.method) {
      if (patch.method === 'LS') { merged.exposure = patch.exposure ?? null; merged.consequence = patch.consequence ?? null }
      else merged.severity = patch.severity ?? null
    }
    const row = await prepareRiskPoint(tx, actor, id, merged, rules, before.synthetic)
    await queries.updateRiskPoint(tx, row)
    await recordAudit(tx, { actor, action: 'risk_point.update', entity: 'risk_point', entityId: id, before, after: row })
    await enqueueEvent(tx, 'registry.risk_point_changed', eventOf(row, 'updated'))
  })
  return getRiskPoint(db, actor, id)
}

export async function deleteRiskPoint(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await loadVisible(tx, actor, id)
    await queries.deleteRiskPoint(tx, id)
    await recordAudit(tx, { actor, action: 'risk_point.delete', entity: 'risk_point', entityId: id, before })
    await enqueueEvent(tx, 'registry.risk_point_changed', eventOf(before, 'deleted'))
  })
}
