/** The expert pool (专家库): whom to call, by field, when an incident needs advice. */
import type { Db, Queryable } from '../../../../db/database.ts'
import type { Actor } from '../../../../http/access.ts'
import { recordAudit } from '../../../auth/index.ts'
import { labelOf } from '../core/options.ts'
import { assertVisible, listPrefix, namesFor, resolveDivision } from '../core/scope.ts'
import { commonView, newId, pageOf, type CommonView } from '../core/views.ts'
import { expertFields } from './options.ts'
import * as queries from './queries.ts'
import type { ExpertCreate, ExpertPatch } from './schemas.ts'

const what = ['专家', 'Expert'] as const

export interface ExpertView extends CommonView {
  name: string
  field: ExpertCreate['field']
  fieldName: string
  title: string
  organisation: string
  phone: string
}

const viewOf = (r: queries.ExpertRow, names: Map<string, string>): ExpertView => ({
  ...commonView(r, names),
  name: r.name, field: r.field as ExpertCreate['field'], fieldName: labelOf(expertFields, r.field), title: r.title,
  organisation: r.organisation, phone: r.phone,
})

type FilterQuery = Omit<queries.ExpertFilter, 'prefix'> & { divisionCode?: string | undefined }
const filterOf = (actor: Actor, query: FilterQuery): queries.ExpertFilter => ({ ...query, prefix: listPrefix(actor, query.divisionCode) })

export async function listExperts(q: Queryable, actor: Actor, query: FilterQuery & { page: number; pageSize: number }) {
  const { rows, total } = await queries.findExpertPage(q, filterOf(actor, query), pageOf(query))
  const names = await namesFor(q, rows)
  return { items: rows.map((r) => viewOf(r, names)), total, page: query.page, pageSize: query.pageSize }
}

export async function allExperts(q: Queryable, actor: Actor, query: FilterQuery): Promise<ExpertView[]> {
  const rows = await queries.findAllExperts(q, filterOf(actor, query))
  const names = await namesFor(q, rows)
  return rows.map((r) => viewOf(r, names))
}

export async function getExpert(q: Queryable, actor: Actor, id: string): Promise<ExpertView> {
  const row = assertVisible(actor, await queries.findExpert(q, id), ...what)
  return viewOf(row, await namesFor(q, [row]))
}

export async function prepareExpert(
  q: Queryable, actor: Actor, id: string, input: ExpertCreate, synthetic = false, fieldPrefix = 'body',
): Promise<queries.ExpertValues> {
  const division = await resolveDivision(q, actor, input.divisionCode, `${fieldPrefix}.divisionCode`)
  return {
    id, name: input.name.trim(), field: input.field, title: input.title ?? '', organisation: input.organisation ?? '',
    phone: input.phone, division_code: division.code, synthetic,
  }
}

export async function createExpert(db: Db, actor: Actor, input: ExpertCreate): Promise<ExpertView> {
  const id = newId()
  await db.transaction(async (tx) => {
    const row = await prepareExpert(tx, actor, id, input)
    await queries.insertExperts(tx, [row])
    await recordAudit(tx, { actor, action: 'expert.create', entity: 'expert', entityId: id, after: row })
  })
  return getExpert(db, actor, id)
}

const inputOf = (r: queries.ExpertRow): ExpertCreate => ({
  name: r.name, field: r.field as ExpertCreate['field'], title: r.title, organisation: r.organisation, phone: r.phone,
  divisionCode: r.division_code,
})

export async function updateExpert(db: Db, actor: Actor, id: string, patch: ExpertPatch): Promise<ExpertView> {
  await db.transaction(async (tx) => {
    const before = assertVisible(actor, await queries.findExpert(tx, id), ...what)
    const row = await prepareExpert(tx, actor, id, { ...inputOf(before), ...patch }, before.synthetic)
    await queries.updateExpert(tx, row)
    await recordAudit(tx, { actor, action: 'expert.update', entity: 'expert', entityId: id, before, after: row })
  })
  return getExpert(db, actor, id)
}

export async function deleteExpert(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = assertVisible(actor, await queries.findExpert(tx, id), ...what)
    await queries.deleteExpert(tx, id)
    await recordAudit(tx, { actor, action: 'expert.delete', entity: 'expert', entityId: id, before })
  })
}
