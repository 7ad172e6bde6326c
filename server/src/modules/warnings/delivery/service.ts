/**
 * Audience preview, delivery report and list, gateway receipts, acknowledgements and the
 * dashboard inbox of warnings. A warning's audience and deliveries are visible to whoever sees
 * the warning (its owner's jurisdiction and above; once issued, the divisions it covers).
 */
import type { Static } from '@fastify/type-provider-typebox'
import { divisionLevel, isWithinDivision } from '@yingji/domain/geo/divisionCode'
import { appNotice, smsText, type WarningLevel, type WarningMsgType } from '@yingji/domain/warnings/deliveryMessages'
import { smsSegmentCount } from '@yingji/domain/warnings/smsSegments'
import type { WarningStatus } from '@yingji/domain/warnings/approvalPolicy'
import { mayViewWarning } from '@yingji/domain/warnings/warningActions'
import type { Db, Queryable } from '../../../db/database.ts'
import { assertInJurisdiction, type Actor } from '../../../http/access.ts'
import { invalid, notFound } from '../../../http/errors.ts'
import { recordAudit } from '../../auth/index.ts'
import { divisionNames } from '../../geo/index.ts'
import { previewCounts, previewExposedPopulation } from './audiencePreview.ts'
import * as queries from './queries.ts'
import type { AckResult, Audience, DeliveryListQuery, DeliveryPage, DeliveryReport, Inbox, InboxQuery, ReceiptBody, ReceiptResult } from './schemas.ts'
import type { DeliverySettings } from './settings.ts'
import type { Channel } from '../channels/index.ts'

const iso = (v: Date | string) => new Date(v).toISOString()
const isoOrNull = (v: Date | string | null) => (v === null ? null : iso(v))

/**
 * Whose figures an actor sees: all of a warning's recipients when it is theirs (its area lies in
 * their jurisdiction: the author sees the whole audience of the area he may target); of a
 * warning from above (a county warning over a township), a township or village officer sees
 * only the recipients of their township, in the preview, the list and every figure of the report.
 */
export function deliveryScope(actor: Actor, warning: Pick<queries.WarningHead, 'id' | 'division_code'>): queries.DeliveryScope {
  const level = divisionLevel(actor.jurisdiction)
  const fromAbove = !isWithinDivision(warning.division_code, actor.jurisdiction)
  const township = fromAbove && (level === 'township' || level === 'village') ? `${actor.jurisdiction.slice(0, 9)}000` : null
  return { warningId: warning.id, township }
}

async function loadWarning(q: Queryable, actor: Actor, id: string): Promise<queries.WarningHead> {
  const w = await queries.findWarning(q, id)
  if (!w || !mayViewWarning(actor, { status: w.status as WarningStatus, divisionCode: w.division_code, divisionCodes: w.division_codes })) {
    throw notFound(`预警 ${id}`, `Warning ${id}`, 'params.id')
  }
  return w
}

export async function audience(db: Db, actor: Actor, id: string): Promise<Static<typeof Audience>> {
  const w = await loadWarning(db, actor, id)
  const scope = deliveryScope(actor, w)
  const counts = await previewCounts(db, { id: w.id, divisionCodes: w.division_codes, referencesId: w.references_id }, scope.township)
  const exposed = await previewExposedPopulation(db, w.id, scope.township)
  const names = await divisionNames(db, [...counts.byTownship.map((t) => t.townshipCode), scope.township].filter((c): c is string => c !== null))
  return {
    warningId: w.id,
    scope: scope.township ? { townshipCode: scope.township, townshipName: names.get(scope.township) ?? null } : null,
    totalPeople: counts.totalPeople,
    responsiblePeople: counts.responsiblePeople,
    totalMessages: counts.byChannel.reduce((n, c) => n + c.recipients, 0),
    byChannel: counts.byChannel,
    byRole: counts.byRole,
    byTownship: counts.byTownship.map((t) => ({ ...t, townshipName: t.townshipCode ? names.get(t.townshipCode) ?? null : null })),
    exposedPopulation: {
      ...exposed,
      note: exposed.synthetic
        ? '村人口为合成数据，仅供估算 Village populations are synthetic (no open source): an estimate only'
        : '村人口来自行政区划数据 Village populations from the division registry',
    },
  }
}

type Counts = Static<typeof DeliveryReport>['totals']
const countsOf = (r: queries.StatusCountRow | undefined): Counts => {
  const c = r ?? { total: 0, queued: 0, sent: 0, delivered: 0, failed: 0, acknowledged: 0 }
  const reached = c.delivered + c.acknowledged
  return {
    total: c.total, queued: c.queued, sent: c.sent, delivered: c.delivered, failed: c.failed, acknowledged: c.acknowledged,
    reachedPercent: c.total === 0 ? 0 : Math.round((reached / c.total) * 1000) / 10,
  }
}

export async function report(db: Db, actor: Actor, id: string, settings: DeliverySettings, simulatedChannels: readonly Channel[] = []): Promise<Static<typeof DeliveryReport>> {
  const w = await loadWarning(db, actor, id)
  const scope = deliveryScope(actor, w)
  const [all, byChannel, byTownship] = [await queries.countsBy(db, scope, 'none'), await queries.countsBy(db, scope, 'channel'), await queries.countsBy(db, scope, 'township')]
  const totals = countsOf(all[0])
  const base = w.sent ? new Date(w.sent) : await queries.firstCreated(db, id)
  const names = await divisionNames(db, [...byTownship.map((t) => t.key), scope.township].filter((c): c is string => c !== null))
  let timeline: Static<typeof DeliveryReport>['timeline'] = []
  let first: number | null = null
  let p95: number | null = null
  let responsible: number | null = null
  let pub: number | null = null
  if (base && totals.total > 0) {
    let cumulative = 0
    timeline = (await queries.reachedPerMinute(db, scope, base)).map((m) => {
      cumulative += m.n
      return { minute: m.minute, reached: cumulative, percent: Math.round((cumulative / totals.total) * 1000) / 10 }
    })
    first = await queries.secondsToReached(db, scope, base, 1)
    p95 = await queries.secondsToReached(db, scope, base, Math.ceil(totals.total * 0.95))
    responsible = await queries.reachedWithin(db, scope, base, 0, 300)
    pub = await queries.reachedWithin(db, scope, base, 1, 600)
  }
  const warning = byChannel.some((c) => c.key === 'sms') ? await warningText(db, id) : null
  return {
    warningId: id,
    sentAt: base ? base.toISOString() : null,
    scope: scope.township ? { townshipCode: scope.township, townshipName: names.get(scope.township) ?? null } : null,
    totals,
    byChannel: byChannel.map((c) => ({ channel: c.key ?? '', ...countsOf(c) })),
    byTownship: byTownship.map((t) => ({ townshipCode: t.key, townshipName: t.key ? names.get(t.key) ?? null : null, ...countsOf(t) })),
    timeline,
    secondsToFirstDelivered: first,
    secondsTo95Percent: p95,
    goals: { responsibleWithin5MinPercent: responsible, publicWithin10MinPercent: pub },
    // Every SMS of a warning has the same text but its own token (a fixed length).
    simulatedChannels: byChannel.map((c) => c.key as Channel).filter((c) => simulatedChannels.includes(c)),
    smsPartsPerMessage: warning ? smsSegmentCount(smsText({ ...warning, senderName: settings.senderName }, `${settings.publicBaseUrl}/public/warnings/ack/${'0'.repeat(64)}`)) : null,
  }
}

async function warningText(db: Db, id: string) {
  const row = await queries.findWarningText(db, id)
  return row ? { msgType: row.msg_type, level: row.level, headline: row.headline, description: row.description, instruction: row.instruction, areaDesc: row.area_desc, expires: iso(row.expires) } : null
}

/** 138****5678, z***@example.cn, the webhook host only, user ids as they are. */
export function maskAddress(channel: string, address: string): string {
  if (channel === 'sms') return address.length >= 7 ? `${address.slice(0, 3)}****${address.slice(-4)}` : '****'
  if (channel === 'email') {
    const [user, host] = address.split('@')
    return `${(user ?? '').slice(0, 1)}***@${host ?? ''}`
  }
  if (channel === 'wecom' || channel === 'dingtalk') {
    try {
      return `${new URL(address).host}/…`
    } catch {
      return '…'
    }
  }
  return address
}

export async function listDeliveries(db: Db, actor: Actor, id: string, query: Static<typeof DeliveryListQuery>): Promise<Static<typeof DeliveryPage>> {
  const w = await loadWarning(db, actor, id)
  const { rows, total } = await queries.findDeliveries(db, deliveryScope(actor, w), query, query.pageSize, (query.page - 1) * query.pageSize)
  const names = await divisionNames(db, rows.map((r) => r.township_code).filter((c): c is string => c !== null))
  return {
    items: rows.map((r) => ({
      id: r.id, subscriberId: r.subscriber_id, subscriberName: r.subscriber_name, role: r.role, kind: r.kind, channel: r.channel,
      address: maskAddress(r.channel, r.address), townshipCode: r.township_code, townshipName: r.township_code ? names.get(r.township_code) ?? null : null,
      status: r.status, attempts: r.attempts, lastError: r.last_error, providerMessageId: r.provider_message_id,
      createdAt: iso(r.created_at), sentAt: isoOrNull(r.sent_at), deliveredAt: isoOrNull(r.delivered_at), failedAt: isoOrNull(r.failed_at), acknowledgedAt: isoOrNull(r.acknowledged_at),
    })),
    total, page: query.page, pageSize: query.pageSize,
  }
}

/**
 * A gateway's delivery receipt. Not written to the audit log: receipts come by the million
 * from a machine and the delivery row keeps their effect and time; the key that sent them is
 * recorded by the auth layer's last-used time.
 */
export async function receipt(db: Db, actor: Actor, body: Static<typeof ReceiptBody>): Promise<Static<typeof ReceiptResult>> {
  return db.transaction(async (tx) => {
    const row = await queries.findDeliveryForReceipt(tx, body.id)
    if (!row) throw invalid('unknown_delivery', 'body.id', `投递编号 ${body.id} 不存在`, `No delivery with id ${body.id}`)
    assertInJurisdiction(actor, row.division_code)
    if (row.channel !== 'sms') throw invalid('receipt_not_sms', 'body.id', '只有短信投递接受网关回执', 'Only SMS deliveries take gateway receipts')
    if (body.at && Date.parse(body.at) > Date.now() + 5 * 60_000) {
      throw invalid('receipt_in_future', 'body.at', '回执时间晚于当前时间', 'The receipt time is in the future')
    }
    const changed = await queries.applyReceipt(tx, body.id, body.status, body.at ?? null, body.error ?? null)
    const after = await queries.findDeliveryForReceipt(tx, body.id)
    return { id: body.id, status: after!.status, changed }
  })
}

/** The public link in a message: acknowledged, idempotent. Null when the token is unknown. */
export async function acknowledgeByToken(db: Db, token: string) {
  if (!/^[0-9a-f]{64}$/.test(token)) return undefined
  return queries.acknowledge(db, { token })
}

export async function inbox(db: Db, actor: Actor, query: Static<typeof InboxQuery>): Promise<Static<typeof Inbox>> {
  const { rows, total, unacknowledged } = await queries.findInbox(db, actor.id, query.pageSize, (query.page - 1) * query.pageSize)
  await queries.markInboxDelivered(db, rows.filter((r) => r.status === 'queued' || r.status === 'sent').map((r) => r.id))
  return {
    items: rows.map((r) => {
      const notice = appNotice({
        msgType: r.msg_type as WarningMsgType, level: r.level as WarningLevel, headline: r.headline, description: r.description,
        instruction: r.instruction, areaDesc: r.area_desc, expires: iso(r.expires), senderName: '',
      })
      return {
        deliveryId: r.id, warningId: r.warning_id, identifier: r.identifier, msgType: r.msg_type, level: r.level, title: notice.title, body: notice.body,
        areaDesc: r.area_desc, expires: iso(r.expires), receivedAt: iso(r.created_at),
        status: r.status === 'queued' || r.status === 'sent' ? 'delivered' : r.status, acknowledgedAt: isoOrNull(r.acknowledged_at),
      }
    }),
    total, unacknowledged, page: query.page, pageSize: query.pageSize,
  }
}

export async function acknowledgeInbox(db: Db, actor: Actor, deliveryId: string): Promise<Static<typeof AckResult>> {
  return db.transaction(async (tx) => {
    const row = await queries.acknowledge(tx, { id: deliveryId, address: actor.id })
    if (!row) throw notFound(`收件 ${deliveryId}`, `Inbox item ${deliveryId}`, 'params.deliveryId')
    await recordAudit(tx, { actor, action: 'warning_delivery.acknowledge', entity: 'warnings.delivery', entityId: deliveryId, after: { status: row.status } })
    return { deliveryId, status: row.status, acknowledgedAt: iso(row.acknowledged_at) }
  })
}
