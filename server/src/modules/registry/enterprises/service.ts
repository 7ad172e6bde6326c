/**
 * The enterprise registry's use cases. Each follows one order: check access, load or fail,
 * apply the rules (USCC, division, GB 18218 grade), write with its audit row (and an outbox
 * event when an enterprise's major-hazard level changes) in one transaction.
 */
import { divisionPrefix } from '@yingji/domain/geo/divisionCode'
import type { Db, Queryable } from '../../../db/database.ts'
import { assertInJurisdiction, type Actor } from '../../../http/access.ts'
import { AppError, forbidden, notFound } from '../../../http/errors.ts'
import { recordAudit } from '../../auth/audit.ts'
import { enqueueEvent } from '../../events/outbox.ts'
import { divisionNames, parseDivisionCode } from '../../geo/index.ts'
import { assertMayAccess, scopeOf } from './access.ts'
import { gradeColumns, gradeOrThrow, storedSubstance } from './grading.ts'
import * as queries from './queries.ts'
import type {
  AssessBody, AssessResult, Enterprise, EnterpriseCreate, EnterpriseDetail, EnterprisePatch, FilterQuery, ListQuery, Unit, UnitCreate, UnitPatch,
} from './schemas.ts'
import { existingDivision, usccOrThrow } from './values.ts'
import { enterpriseView, round6, unitView } from './views.ts'

/** Topic of the event raised when an enterprise's major-hazard level (重大危险源级别) changes. */
export const majorHazardChangedTopic = 'registry.major_hazard_level_changed'

export interface MajorHazardChanged {
  enterpriseId: string
  before: number | null
  after: number | null
}

/** The filter of a list, map or export request, within what the actor may see. */
export function filterOf(actor: Actor, query: FilterQuery): queries.EnterpriseFilter {
  let prefix: string | undefined
  if (query.divisionCode !== undefined) {
    const code = parseDivisionCode(query.divisionCode, 'querystring.divisionCode')
    if (actor.role !== 'enterprise') assertInJurisdiction(actor, code)
    prefix = divisionPrefix(code)
  }
  return {
    scope: scopeOf(actor),
    q: query.q?.trim() || undefined,
    divisionPrefix: prefix,
    category: query.category,
    majorHazard: query.majorHazard,
    majorHazardLevel: query.majorHazardLevel,
    status: query.status,
  }
}

async function views(q: Queryable, records: queries.EnterpriseRecord[]): Promise<Enterprise[]> {
  const names = await divisionNames(q, records.map((r) => r.division_code))
  return records.map((r) => enterpriseView(r, names.get(r.division_code) ?? null))
}

export async function listEnterprises(db: Db, actor: Actor, query: ListQuery) {
  const filter = filterOf(actor, query)
  const [total, records] = [
    await queries.countEnterprises(db, filter),
    await queries.findEnterprisePage(db, filter, query.pageSize, (query.page - 1) * query.pageSize),
  ]
  return { items: await views(db, records), total, page: query.page, pageSize: query.pageSize }
}

export async function enterpriseMap(db: Db, actor: Actor, query: FilterQuery) {
  const points = await queries.findEnterprisePoints(db, filterOf(actor, query))
  return {
    type: 'FeatureCollection' as const,
    features: points.map((p) => ({
      type: 'Feature' as const,
      properties: {
        id: p.id, name: p.name,
        category: p.supervision_category as Enterprise['supervisionCategory'],
        majorHazardLevel: p.major_hazard_level,
        status: p.status as Enterprise['status'],
      },
      geometry: { type: 'Point' as const, coordinates: [round6(p.lon), round6(p.lat)] },
    })),
  }
}

async function loadVisible(q: Queryable, actor: Actor, id: string, forUpdate = false): Promise<queries.EnterpriseRecord> {
  const record = await queries.findEnterprise(q, id, forUpdate)
  if (!record) throw notFound('企业', 'Enterprise', 'params.id')
  assertMayAccess(actor, record)
  return record
}

async function detail(q: Queryable, record: queries.EnterpriseRecord): Promise<EnterpriseDetail> {
  const [view] = await views(q, [record])
  const units = await queries.findUnitsOf(q, [record.id])
  return { ...view!, units: units.map(unitView) }
}

export async function getEnterprise(db: Db, actor: Actor, id: string): Promise<EnterpriseDetail> {
  return detail(db, await loadVisible(db, actor, id))
}

function trimmedContacts(contacts: EnterpriseCreate['contacts']): queries.Contact[] {
  return (contacts ?? []).map((c) => ({
    name: c.name.trim(),
    ...(c.role?.trim() ? { role: c.role.trim() } : {}),
    ...(c.phone?.trim() ? { phone: c.phone.trim() } : {}),
  }))
}

const blankToNull = (text: string | null | undefined) => (text?.trim() ? text.trim() : null)

function requireName(name: string, field: string): string {
  const trimmed = name.trim()
  if (!trimmed) throw new AppError('invalid', 'invalid_input', `${field} 不能为空`, `${field} must not be blank`, field)
  return trimmed
}

async function assertUsccFree(q: Queryable, uscc: string, exceptId: string | null): Promise<void> {
  const existing = (await queries.findEnterpriseIdsByUscc(q, [uscc])).get(uscc)
  if (existing && existing.id !== exceptId) {
    throw new AppError('conflict', 'uscc_taken', `统一社会信用代码 ${uscc} 已登记`, `The unified social credit code ${uscc} is already registered`, 'body.uscc')
  }
}

export async function createEnterprise(db: Db, actor: Actor, body: EnterpriseCreate): Promise<EnterpriseDetail> {
  const uscc = usccOrThrow(body.uscc, 'body.uscc')
  const name = requireName(body.name, 'body.name')
  return db.transaction(async (tx) => {
    const division = await existingDivision(tx, body.divisionCode, 'body.divisionCode')
    assertInJurisdiction(actor, division.code)
    await assertUsccFree(tx, uscc, null)
    const values: queries.EnterpriseValues = {
      uscc, name,
      industry_code: blankToNull(body.industryCode),
      supervision_category: body.supervisionCategory ?? 'other',
      address: blankToNull(body.address),
      lon: body.location?.lon ?? null,
      lat: body.location?.lat ?? null,
      division_code: division.code,
      contacts: trimmedContacts(body.contacts),
      employees: body.employees ?? null,
      standardization_level: body.standardizationLevel ?? null,
      status: body.status ?? 'operating',
      synthetic: false,
    }
    const [created] = await queries.insertEnterprises(tx, [values])
    await recordAudit(tx, { actor, action: 'enterprise.create', entity: 'enterprise', entityId: created!.id, after: values })
    return detail(tx, (await queries.findEnterprise(tx, created!.id))!)
  })
}

const recordValues = (r: queries.EnterpriseRecord): queries.EnterpriseValues => ({
  uscc: r.uscc, name: r.name, industry_code: r.industry_code, supervision_category: r.supervision_category,
  address: r.address, lon: r.lon, lat: r.lat, division_code: r.division_code, contacts: r.contacts,
  employees: r.employees, standardization_level: r.standardization_level, status: r.status, synthetic: r.synthetic,
})

export async function patchEnterprise(db: Db, actor: Actor, id: string, body: EnterprisePatch): Promise<EnterpriseDetail> {
  if (actor.role === 'enterprise') {
    // The code and the division decide who the enterprise is and who supervises it.
    for (const field of ['uscc', 'divisionCode'] as const) {
      if (body[field] !== undefined) {
        throw new AppError('forbidden', 'forbidden', '企业用户不能修改信用代码或所属行政区划', 'Enterprise users cannot change the credit code or the division', `body.${field}`)
      }
    }
  }
  const uscc = body.uscc === undefined ? undefined : usccOrThrow(body.uscc, 'body.uscc')
  return db.transaction(async (tx) => {
    const record = await loadVisible(tx, actor, id, true)
    const before = recordValues(record)
    const after: queries.EnterpriseValues = { ...before }
    if (uscc !== undefined && uscc !== before.uscc) {
      await assertUsccFree(tx, uscc, id)
      after.uscc = uscc
    }
    if (body.divisionCode !== undefined) {
      const division = await existingDivision(tx, body.divisionCode, 'body.divisionCode')
      assertInJurisdiction(actor, division.code)
      after.division_code = division.code
    }
    if (body.name !== undefined) after.name = requireName(body.name, 'body.name')
    if (body.industryCode !== undefined) after.industry_code = blankToNull(body.industryCode)
    if (body.supervisionCategory !== undefined) after.supervision_category = body.supervisionCategory
    if (body.address !== undefined) after.address = blankToNull(body.address)
    if (body.location !== undefined) {
      after.lon = body.location?.lon ?? null
      after.lat = body.location?.lat ?? null
    }
    if (body.contacts !== undefined) after.contacts = trimmedContacts(body.contacts)
    if (body.employees !== undefined) after.employees = body.employees
    if (body.standardizationLevel !== undefined) after.standardization_level = body.standardizationLevel
    if (body.status !== undefined) after.status = body.status
    await queries.updateEnterprise(tx, id, after)
    await recordAudit(tx, { actor, action: 'enterprise.update', entity: 'enterprise', entityId: id, before, after })
    return detail(tx, (await queries.findEnterprise(tx, id))!)
  })
}

export async function deleteEnterprise(db: Db, actor: Actor, id: string): Promise<void> {
  if (actor.role === 'enterprise') throw forbidden('企业用户不能删除企业', 'Enterprise users cannot delete an enterprise')
  await db.transaction(async (tx) => {
    const record = await loadVisible(tx, actor, id, true)
    const units = await queries.findUnitsOf(tx, [id])
    await queries.deleteEnterprise(tx, id)
    await recordAudit(tx, {
      actor, action: 'enterprise.delete', entity: 'enterprise', entityId: id,
      before: { ...recordValues(record), units: units.map((u) => ({ name: u.name, kind: u.kind, exposed_people: u.exposed_people, substances: u.substances })) },
    })
    if (record.major_hazard_level !== null) {
      await enqueueEvent<MajorHazardChanged>(tx, majorHazardChangedTopic, { enterpriseId: id, before: record.major_hazard_level, after: null })
    }
  })
}

// ---- production and storage units (生产单元/储存单元) ----

/** Recomputes the enterprise's level from its units; an outbox event when it changed. */
async function refreshLevel(tx: Queryable, enterpriseId: string): Promise<void> {
  for (const change of await queries.refreshMajorHazardLevels(tx, [enterpriseId])) {
    await enqueueEvent<MajorHazardChanged>(tx, majorHazardChangedTopic, { enterpriseId: change.id, before: change.before, after: change.after })
  }
}

async function assertUnitNameFree(tx: Queryable, enterpriseId: string, name: string, exceptId: string | null): Promise<void> {
  if (await queries.unitNameTaken(tx, enterpriseId, name, exceptId)) {
    throw new AppError('conflict', 'unit_name_taken', `本企业已有名为“${name}”的单元`, `The enterprise already has a unit named "${name}"`, 'body.name')
  }
}

const unitAudit = (v: queries.UnitValues) => ({
  name: v.name, kind: v.kind, exposed_people: v.exposed_people, substances: v.substances,
  sum_ratio: v.sum_ratio, is_major: v.is_major, alpha: v.alpha, r_value: v.r_value, level: v.level,
})

export async function createUnit(db: Db, actor: Actor, enterpriseId: string, body: UnitCreate): Promise<Unit> {
  const substances = body.substances.map(storedSubstance)
  const grade = gradeOrThrow(body.exposedPeople, substances)
  const name = requireName(body.name, 'body.name')
  return db.transaction(async (tx) => {
    const enterprise = await loadVisible(tx, actor, enterpriseId, true)
    await assertUnitNameFree(tx, enterpriseId, name, null)
    const values: queries.UnitValues = {
      enterprise_id: enterpriseId, division_code: enterprise.division_code, name, kind: body.kind,
      exposed_people: body.exposedPeople, substances, ...gradeColumns(grade), synthetic: false,
    }
    const [created] = await queries.insertUnits(tx, [values])
    await recordAudit(tx, { actor, action: 'hazard_unit.create', entity: 'hazard_unit', entityId: created!.id, after: { enterprise_id: enterpriseId, ...unitAudit(values) } })
    await refreshLevel(tx, enterpriseId)
    return unitView((await queries.findUnit(tx, enterpriseId, created!.id))!)
  })
}

async function loadUnit(tx: Queryable, enterpriseId: string, unitId: string): Promise<queries.UnitRecord> {
  const unit = await queries.findUnit(tx, enterpriseId, unitId)
  if (!unit) throw notFound('生产/储存单元', 'Unit', 'params.unitId')
  return unit
}

export async function getUnit(db: Db, actor: Actor, enterpriseId: string, unitId: string): Promise<Unit> {
  await loadVisible(db, actor, enterpriseId)
  return unitView(await loadUnit(db, enterpriseId, unitId))
}

export async function patchUnit(db: Db, actor: Actor, enterpriseId: string, unitId: string, body: UnitPatch): Promise<Unit> {
  return db.transaction(async (tx) => {
    await loadVisible(tx, actor, enterpriseId, true)
    const unit = await loadUnit(tx, enterpriseId, unitId)
    const name = body.name === undefined ? unit.name : requireName(body.name, 'body.name')
    if (name !== unit.name) await assertUnitNameFree(tx, enterpriseId, name, unitId)
    const substances = body.substances === undefined ? unit.substances : body.substances.map(storedSubstance)
    const exposedPeople = body.exposedPeople ?? unit.exposed_people
    const grade = gradeOrThrow(exposedPeople, substances)
    const values: queries.UnitValues = {
      ...unit, name, kind: body.kind ?? unit.kind, exposed_people: exposedPeople, substances, ...gradeColumns(grade),
    }
    await queries.updateUnit(tx, unitId, values)
    await recordAudit(tx, { actor, action: 'hazard_unit.update', entity: 'hazard_unit', entityId: unitId, before: unitAudit(unit), after: unitAudit(values) })
    await refreshLevel(tx, enterpriseId)
    return unitView((await queries.findUnit(tx, enterpriseId, unitId))!)
  })
}

export async function deleteUnit(db: Db, actor: Actor, enterpriseId: string, unitId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await loadVisible(tx, actor, enterpriseId, true)
    const unit = await loadUnit(tx, enterpriseId, unitId)
    await queries.deleteUnit(tx, unitId)
    await recordAudit(tx, { actor, action: 'hazard_unit.delete', entity: 'hazard_unit', entityId: unitId, before: { enterprise_id: enterpriseId, ...unitAudit(unit) } })
    await refreshLevel(tx, enterpriseId)
  })
}

/** The GB 18218 calculator (重大危险源辨识与分级): nothing is stored. */
export function assess(body: AssessBody): AssessResult {
  const grade = gradeOrThrow(body.exposedPeople, body.substances.map(storedSubstance))
  return {
    sumRatio: grade.sumRatio,
    isMajor: grade.isMajor,
    alpha: grade.alpha,
    R: grade.R,
    level: grade.level,
    levelName: grade.levelName,
    levelNameEn: grade.levelNameEn,
    substances: grade.substances.map((s) => ({
      index: s.index, name: s.name, cas: s.cas, table1Row: s.table1Row, quantityT: s.quantityT,
      criticalQuantityT: s.criticalQuantityT, criticalQuantitySource: s.criticalQuantitySource,
      ratio: s.ratio, beta: s.beta, correctedRatio: s.correctedRatio,
    })),
  }
}
