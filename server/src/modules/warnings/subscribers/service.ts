/**
 * Subscribers (预警接收人): responsible persons (乡镇/村责任人, 网格员, 群测群防员, 企业安全员,
 * 部门) and public opt-ins, each with a division and/or a location and the channels to reach
 * them on. Channels must match the contacts given (SMS needs a phone, WeCom a robot webhook…).
 * Written by administrators, duty officers and township officers within their jurisdiction.
 */
import crypto from 'node:crypto'
import type { Static } from '@fastify/type-provider-typebox'
import { divisionPrefix, isWithinDivision } from '@yingji/domain/geo/divisionCode'
import type { Db, Queryable } from '../../../db/database.ts'
import { assertInJurisdiction, type Actor } from '../../../http/access.ts'
import { invalid, notFound } from '../../../http/errors.ts'
import { recordAudit } from '../../auth/index.ts'
import { parseDivisionCode } from '../../geo/index.ts'
import { ensureSyntheticDivisionAreas, findDivisionRefs } from '../../geo/syntheticAreas.ts'
import * as queries from './queries.ts'
import { subscriberRoleNames, type Channel, type CreateSubscriberBody, type Subscriber, type SubscriberListQuery, type SubscriberRole, type UpdateSubscriberBody } from './schemas.ts'

export type SubscriberView = Static<typeof Subscriber>
const entity = 'warnings.subscriber'
const iso = (v: Date | string) => new Date(v).toISOString()

function viewOf(r: queries.SubscriberRow): SubscriberView {
  return {
    id: r.id, name: r.name, kind: r.kind, role: r.role, roleName: subscriberRoleNames[r.role as SubscriberRole] ?? { zh: r.role, en: r.role },
    divisionCode: r.division_code, divisionName: r.division_name,
    location: r.lon === null || r.lat === null ? null : { lon: r.lon, lat: r.lat }, phone: r.phone, email: r.email,
    wecomWebhook: r.wecom_webhook, dingtalkWebhook: r.dingtalk_webhook, userId: r.user_id, channels: r.channels,
    enterpriseId: r.enterprise_id, hazardPointId: r.hazard_point_id, active: r.active, synthetic: r.synthetic,
    createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
  }
}

const contactOf: Record<Channel, { key: keyof queries.SubscriberValues; zh: string; en: string }> = {
  sms: { key: 'phone', zh: '手机号', en: 'a mobile phone number' },
  email: { key: 'email', zh: '电子邮箱', en: 'an email address' },
  wecom: { key: 'wecom_webhook', zh: '企业微信机器人地址', en: 'a WeCom robot webhook' },
  dingtalk: { key: 'dingtalk_webhook', zh: '钉钉机器人地址', en: 'a DingTalk robot webhook' },
  // the dashboard push reaches a platform user, or the users of the subscriber's division
  app: { key: 'user_id', zh: '平台用户或行政区划', en: 'a platform user or a division' },
}

/** Checks a subscriber's values (channels ↔ contacts, a place, the jurisdiction) before writing. */
async function checkValues(q: Queryable, actor: Actor, v: queries.SubscriberValues): Promise<void> {
  v.channels.forEach((channel, i) => {
    const need = contactOf[channel as Channel]
    const missing = v[need.key] === null || v[need.key] === ''
    if (need && missing && !(channel === 'app' && v.division_code !== null)) {
      throw invalid('channel_without_contact', `body.channels.${i}`, `渠道 ${channel} 需要${need.zh}`, `Channel ${channel} needs ${need.en}`)
    }
  })
  if (v.division_code === null && (v.lon === null || v.lat === null)) {
    throw invalid('subscriber_unplaced', 'body.divisionCode', '接收人须有行政区划或位置', 'A subscriber needs a division or a location')
  }
  if (v.division_code !== null) {
    const [ref] = await findDivisionRefs(q, [v.division_code])
    if (!ref) throw invalid('unknown_division_code', 'body.divisionCode', `行政区划 ${v.division_code} 不存在`, `Division ${v.division_code} does not exist`)
    assertInJurisdiction(actor, v.division_code)
  }
  if (v.lon !== null && v.lat !== null) {
    const at = await queries.divisionAt(q, v.lon, v.lat)
    if (at) assertInJurisdiction(actor, at)
    else if (v.division_code === null) throw invalid('location_outside_divisions', 'body.location', '位置不在任何已知行政区划内', 'The location lies in no known division')
  }
}

type Body = Static<typeof CreateSubscriberBody>

function valuesOf(body: Body, current: queries.SubscriberValues | null, synthetic = false): queries.SubscriberValues {
  const pick = <T>(value: T | null | undefined, fallback: T | null): T | null => (value === undefined ? fallback : value)
  const division = body.divisionCode === undefined ? current?.division_code ?? null : body.divisionCode === null ? null : parseDivisionCode(body.divisionCode, 'body.divisionCode')
  const location = body.location === undefined ? (current && current.lon !== null ? { lon: current.lon, lat: current.lat! } : null) : body.location
  const role = body.role
  return {
    name: body.name.trim(),
    kind: body.kind ?? (role === 'public' ? 'public' : 'responsible'),
    role,
    division_code: division,
    lon: location?.lon ?? null,
    lat: location?.lat ?? null,
    phone: pick(body.phone, current?.phone ?? null),
    email: pick(body.email, current?.email ?? null),
    wecom_webhook: pick(body.wecomWebhook, current?.wecom_webhook ?? null),
    dingtalk_webhook: pick(body.dingtalkWebhook, current?.dingtalk_webhook ?? null),
    user_id: pick(body.userId, current?.user_id ?? null),
    channels: body.channels,
    enterprise_id: current?.enterprise_id ?? null,
    hazard_point_id: current?.hazard_point_id ?? null,
    active: body.active ?? current?.active ?? true,
    synthetic: current?.synthetic ?? synthetic,
  }
}

export async function listSubscribers(db: Db, actor: Actor, query: Static<typeof SubscriberListQuery>) {
  await ensureSyntheticDivisionAreas(db)
  const divisionCode = query.divisionCode ? parseDivisionCode(query.divisionCode, 'querystring.divisionCode') : undefined
  if (divisionCode) assertInJurisdiction(actor, divisionCode)
  const { rows, total } = await queries.findSubscribers(db, {
    prefix: divisionPrefix(actor.jurisdiction), divisionPrefix: divisionCode ? divisionPrefix(divisionCode) : undefined,
    role: query.role, kind: query.kind, channel: query.channel, q: query.q?.trim() || undefined,
  }, query.pageSize, (query.page - 1) * query.pageSize)
  return { items: rows.map(viewOf), total, page: query.page, pageSize: query.pageSize }
}

async function load(q: Queryable, actor: Actor, id: string): Promise<queries.SubscriberRow> {
  const row = await queries.findSubscriber(q, id)
  const visible = row && (row.division_code !== null
    ? isWithinDivision(row.division_code, actor.jurisdiction)
    : row.lon !== null && (await queries.divisionAt(q, row.lon, row.lat!).then((at) => at !== null && isWithinDivision(at, actor.jurisdiction))))
  if (!row || !visible) throw notFound(`接收人 ${id}`, `Subscriber ${id}`, 'params.id')
  return row
}

export async function getSubscriber(db: Db, actor: Actor, id: string): Promise<SubscriberView> {
  return viewOf(await load(db, actor, id))
}

export async function createSubscriber(db: Db, actor: Actor, body: Body): Promise<SubscriberView> {
  await ensureSyntheticDivisionAreas(db)
  return db.transaction(async (tx) => {
    const values = valuesOf(body, null)
    await checkValues(tx, actor, values)
    const id = crypto.randomUUID()
    await queries.insertSubscriber(tx, id, values)
    const created = viewOf((await queries.findSubscriber(tx, id))!)
    await recordAudit(tx, { actor, action: 'subscriber.create', entity, entityId: id, after: created })
    return created
  })
}

export async function updateSubscriber(db: Db, actor: Actor, id: string, body: Static<typeof UpdateSubscriberBody>): Promise<SubscriberView> {
  await ensureSyntheticDivisionAreas(db)
  return db.transaction(async (tx) => {
    const row = await load(tx, actor, id)
    const before = viewOf(row)
    const values = valuesOf({ ...body, name: body.name ?? row.name, role: body.role ?? (row.role as SubscriberRole), channels: body.channels ?? (row.channels as Channel[]) }, row)
    if (body.kind === undefined && body.role === undefined) values.kind = row.kind
    await checkValues(tx, actor, values)
    await queries.updateSubscriber(tx, id, values)
    const after = viewOf((await queries.findSubscriber(tx, id))!)
    await recordAudit(tx, { actor, action: 'subscriber.update', entity, entityId: id, before, after })
    return after
  })
}

export async function deleteSubscriber(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await load(tx, actor, id)
    await queries.deleteSubscriber(tx, id)
    await recordAudit(tx, { actor, action: 'subscriber.delete', entity, entityId: id, before: viewOf(row) })
  })
}
