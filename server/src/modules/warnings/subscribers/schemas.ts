/** TypeBox schemas of the subscribers routes (预警接收人). */
import { Type } from '@fastify/type-provider-typebox'
import { Nullable } from '../../../http/openapi.ts'


export const subscriberRoles = ['township_leader', 'village_leader', 'grid_officer', 'hazard_monitor', 'enterprise_safety', 'department', 'public'] as const
export type SubscriberRole = (typeof subscriberRoles)[number]
export const subscriberRoleNames: Record<SubscriberRole, { zh: string; en: string }> = {
  township_leader: { zh: '乡镇责任人', en: 'Township responsible person' },
  village_leader: { zh: '村责任人', en: 'Village responsible person' },
  grid_officer: { zh: '网格员', en: 'Grid officer' },
  hazard_monitor: { zh: '群测群防员', en: 'Hazard-point monitor' },
  enterprise_safety: { zh: '企业安全员', en: 'Enterprise safety officer' },
  department: { zh: '部门', en: 'Department' },
  public: { zh: '公众', en: 'Public' },
}
export const channels = ['sms', 'email', 'wecom', 'dingtalk', 'app'] as const
export type Channel = (typeof channels)[number]

const Role = Type.Unsafe<SubscriberRole>({ type: 'string', enum: [...subscriberRoles], description: '接收人角色 · role' })
const ChannelKey = Type.Unsafe<Channel>({ type: 'string', enum: [...channels] })
/** 中国大陆手机号: 11 digits starting 1[3-9] */
export const MobilePhone = Type.String({ pattern: '^1[3-9][0-9]{9}$', description: '11 位大陆手机号 · 11-digit mainland mobile number' })
const Email = Type.String({ format: 'email', maxLength: 200 })
const WebhookUrl = Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 500, description: 'http(s) URL' })
const Location = Type.Object({ lon: Type.Number({ minimum: -180, maximum: 180 }), lat: Type.Number({ minimum: -90, maximum: 90 }) }, { additionalProperties: false })
const Uuid = Type.String({ format: 'uuid' })

const fields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  kind: Type.Optional(Type.Unsafe<'responsible' | 'public'>({ type: 'string', enum: ['responsible', 'public'] })),
  role: Role,
  divisionCode: Type.Optional(Nullable(Type.String({ minLength: 6, maxLength: 12, description: '行政区划代码（6、9 或 12 位）' }))),
  location: Type.Optional(Nullable(Location)),
  phone: Type.Optional(Nullable(MobilePhone)),
  email: Type.Optional(Nullable(Email)),
  wecomWebhook: Type.Optional(Nullable(WebhookUrl)),
  dingtalkWebhook: Type.Optional(Nullable(WebhookUrl)),
  userId: Type.Optional(Nullable(Uuid)),
  channels: Type.Array(ChannelKey, { minItems: 1, uniqueItems: true }),
  active: Type.Optional(Type.Boolean()),
}

export const CreateSubscriberBody = Type.Object(fields, { additionalProperties: false })
export const UpdateSubscriberBody = Type.Object({
  ...fields,
  name: Type.Optional(fields.name),
  role: Type.Optional(Role),
  channels: Type.Optional(fields.channels),
}, { additionalProperties: false })

export const Subscriber = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  role: Type.String(),
  roleName: Type.Object({ zh: Type.String(), en: Type.String() }),
  divisionCode: Nullable(Type.String()),
  divisionName: Nullable(Type.String()),
  location: Nullable(Type.Object({ lon: Type.Number(), lat: Type.Number() })),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  wecomWebhook: Nullable(Type.String()),
  dingtalkWebhook: Nullable(Type.String()),
  userId: Nullable(Type.String()),
  channels: Type.Array(Type.String()),
  enterpriseId: Nullable(Type.String()),
  hazardPointId: Nullable(Type.String()),
  active: Type.Boolean(),
  synthetic: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
})

export const SubscriberListQuery = Type.Object({
  role: Type.Optional(Role),
  kind: Type.Optional(Type.Unsafe<'responsible' | 'public'>({ type: 'string', enum: ['responsible', 'public'] })),
  divisionCode: Type.Optional(Type.String({ minLength: 6, maxLength: 12 })),
  channel: Type.Optional(ChannelKey),
  q: Type.Optional(Type.String({ maxLength: 50, description: '姓名或电话 · name or phone' })),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
})

export const SubscriberPage = Type.Object({ items: Type.Array(Subscriber), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() })
