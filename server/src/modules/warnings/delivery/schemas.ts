/** TypeBox schemas of the audience, delivery report, receipts and inbox routes. */
import { Type } from '@fastify/type-provider-typebox'
import { Nullable } from '../../../http/openapi.ts'

const Channel = Type.Union(['sms', 'email', 'wecom', 'dingtalk', 'app'].map((c) => Type.Literal(c)))
const Status = Type.Union(['queued', 'sent', 'delivered', 'failed', 'acknowledged'].map((c) => Type.Literal(c)))

export const WarningParams = Type.Object({ id: Type.String({ format: 'uuid' }) })
export const DeliveryParams = Type.Object({ deliveryId: Type.String({ format: 'uuid' }) })

const Scope = Nullable(Type.Object({ townshipCode: Type.String(), townshipName: Nullable(Type.String()) }, {
  description: '上级预警：乡镇、村用户只看本乡镇的接收人 A warning from above: township and village officers see the recipients of their township only',
}))

export const Audience = Type.Object({
  warningId: Type.String(),
  scope: Scope,
  totalPeople: Type.Integer({ description: '去重后的接收人数 Distinct recipients' }),
  responsiblePeople: Type.Integer({ description: '其中责任人 Of whom responsible persons (delivered first)' }),
  totalMessages: Type.Integer({ description: '接收人 × 渠道 Recipient × channel messages' }),
  byChannel: Type.Array(Type.Object({ channel: Type.String(), recipients: Type.Integer(), missingAddress: Type.Integer() })),
  byRole: Type.Array(Type.Object({ role: Type.String(), kind: Type.String(), people: Type.Integer() })),
  byTownship: Type.Array(Type.Object({ townshipCode: Nullable(Type.String()), townshipName: Nullable(Type.String()), people: Type.Integer() })),
  exposedPopulation: Type.Object({
    population: Type.Integer(), villages: Type.Integer(),
    synthetic: Type.Boolean({ description: '村人口为合成数据 Village populations are synthetic (no open source)' }),
    note: Type.String(),
  }),
})

const Counts = Type.Object({ total: Type.Integer(), queued: Type.Integer(), sent: Type.Integer(), delivered: Type.Integer(), failed: Type.Integer(), acknowledged: Type.Integer(), reachedPercent: Type.Number() })

export const DeliveryReport = Type.Object({
  warningId: Type.String(),
  sentAt: Nullable(Type.String({ format: 'date-time' })),
  scope: Scope,
  totals: Counts,
  byChannel: Type.Array(Type.Intersect([Type.Object({ channel: Type.String() }), Counts])),
  byTownship: Type.Array(Type.Intersect([Type.Object({ townshipCode: Nullable(Type.String()), townshipName: Nullable(Type.String()) }), Counts])),
  timeline: Type.Array(Type.Object({ minute: Type.Integer(), reached: Type.Integer(), percent: Type.Number() }), { description: '自发布起每分钟累计送达 Cumulative reached per minute since sent' }),
  secondsToFirstDelivered: Nullable(Type.Number()),
  secondsTo95Percent: Nullable(Type.Number()),
  goals: Type.Object({
    responsibleWithin5MinPercent: Nullable(Type.Number({ description: '责任人5分钟内送达率 Responsible persons reached within 5 minutes' })),
    publicWithin10MinPercent: Nullable(Type.Number({ description: '公众10分钟内送达率 Public reached within 10 minutes' })),
  }),
  smsPartsPerMessage: Nullable(Type.Integer({ description: '每条短信计费条数 SMS parts billed per message' })),
  simulatedChannels: Type.Array(Type.String(), {
    description: '由内置模拟网关接收的渠道（演示，未配置真实网关）Channels that go to the built-in simulated gateway (demo: no real endpoint configured)',
  }),
})

export const DeliveryListQuery = Type.Object({
  status: Type.Optional(Status),
  channel: Type.Optional(Channel),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
}, { additionalProperties: false })

export const DeliveryItem = Type.Object({
  id: Type.String(), subscriberId: Type.String(), subscriberName: Type.String(), role: Type.String(), kind: Type.String(),
  channel: Type.String(), address: Type.String({ description: '已脱敏 Masked' }), townshipCode: Nullable(Type.String()), townshipName: Nullable(Type.String()),
  status: Type.String(), attempts: Type.Integer(), lastError: Nullable(Type.String()), providerMessageId: Nullable(Type.String()),
  createdAt: Type.String(), sentAt: Nullable(Type.String()), deliveredAt: Nullable(Type.String()), failedAt: Nullable(Type.String()), acknowledgedAt: Nullable(Type.String()),
})
export const DeliveryPage = Type.Object({ items: Type.Array(DeliveryItem), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() })

export const ReceiptBody = Type.Object({
  id: Type.String({ format: 'uuid', description: '投递编号（发送时的 id）Delivery id sent to the gateway' }),
  status: Type.Union([Type.Literal('delivered'), Type.Literal('failed')]),
  at: Type.Optional(Type.String({ format: 'date-time' })),
  error: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false })
export const ReceiptResult = Type.Object({ id: Type.String(), status: Type.String(), changed: Type.Boolean() })

export const InboxQuery = Type.Object({
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
}, { additionalProperties: false })
export const InboxItem = Type.Object({
  deliveryId: Type.String(), warningId: Type.String(), identifier: Type.String(), msgType: Type.String(), level: Type.String(),
  title: Type.String(), body: Type.String(), areaDesc: Type.String(), expires: Type.String(), receivedAt: Type.String(),
  status: Type.String(), acknowledgedAt: Nullable(Type.String()),
})
export const Inbox = Type.Object({ items: Type.Array(InboxItem), total: Type.Integer(), unacknowledged: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() })
export const AckResult = Type.Object({ deliveryId: Type.String(), status: Type.String(), acknowledgedAt: Type.String() })
