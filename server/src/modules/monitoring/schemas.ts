/** TypeBox schemas of the monitoring routes (request and response). */
import { Type } from '@fastify/type-provider-typebox'
import { deviceTypeKeys } from './deviceTypes.ts'
import { Nullable } from '../../http/openapi.ts'

const Uuid = Type.String({ format: 'uuid' })
export const IdParams = Type.Object({ id: Uuid })
const Timestamp = Type.String({ format: 'date-time' })
const Level = Type.Union([Type.Literal('blue'), Type.Literal('yellow'), Type.Literal('orange'), Type.Literal('red')])
const DivisionCodeInput = Type.String({ minLength: 6, maxLength: 12, description: '行政区划代码（6、9 或 12 位）· division code of 6, 9 or 12 digits' })
const DeviceTypeKey = Type.Unsafe<string>({ type: 'string', enum: [...deviceTypeKeys], description: '设备类型 · device type' })
const DeviceStatus = Type.Union([Type.Literal('online'), Type.Literal('offline'), Type.Literal('never')])

export { ErrorSchema } from '../../http/openapi.ts'

const LonLat = Type.Object({
  lon: Type.Number({ minimum: 73, maximum: 136, description: '经度 WGS84 · longitude' }),
  lat: Type.Number({ minimum: 3, maximum: 54, description: '纬度 WGS84 · latitude' }),
}, { additionalProperties: false })

const Params = Type.Record(Type.String(), Nullable(Type.Number()), { description: '设备参数，如 warningLevelM 警戒水位、guaranteedLevelM 保证水位 · device parameters' })

export const RuleOverride = Type.Object({
  params: Type.Optional(Params),
  rules: Type.Optional(Type.Record(Type.String(), Type.Object({
    disabled: Type.Optional(Type.Boolean()),
    params: Type.Optional(Params),
  }, { additionalProperties: false }))),
  add: Type.Optional(Type.Array(Type.Any(), { description: '新增或替换的规则定义 · added or replacing rule definitions' })),
}, { additionalProperties: false, description: '本设备的规则覆盖 · per-device rule overrides' })

export const MetricSchema = Type.Object({ metric: Type.String(), name: Type.String(), nameEn: Type.String(), unit: Type.String() })
export const DeviceTypeSchema = Type.Object({ type: Type.String(), name: Type.String(), nameEn: Type.String(), metrics: Type.Array(MetricSchema) })

export const Device = Type.Object({
  id: Uuid, code: Type.String(), type: Type.String(), name: Type.String(), divisionCode: Type.String(),
  location: Type.Object({ lon: Type.Number(), lat: Type.Number() }), expectedIntervalS: Type.Integer(),
  enterpriseId: Nullable(Uuid), hazardPointId: Nullable(Uuid), params: Params, ruleOverride: Type.Any(),
  status: DeviceStatus, lastSeenAt: Nullable(Timestamp), alarmLevel: Nullable(Level), synthetic: Type.Boolean(),
})

export const CreatedDevice = Type.Intersect([Device, Type.Object({ apiKey: Type.String({ description: '设备密钥，仅显示一次 · machine key, shown once' }) })])

export const DeviceDetail = Type.Intersect([Device, Type.Object({
  rules: Type.Array(Type.Any(), { description: '生效的规则（含阈值）· effective rules with thresholds' }),
  ruleSettings: Type.Array(Type.Object({
    id: Type.String(), name: Type.Object({ zh: Type.String(), en: Type.String() }),
    params: Type.Record(Type.String(), Nullable(Type.Number())), disabled: Type.Boolean(),
  }), { description: '全部规则及其参数（含已停用）· every rule with its parameters in force, also those switched off' }),
  ruleProblems: Type.Array(Type.Object({ ruleId: Type.String(), field: Type.String(), message: Type.String(), messageEn: Type.String() })),
})])

export const CreateDeviceBody = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$', description: '设备编码 · device code (MQTT username)' }),
  type: DeviceTypeKey,
  name: Type.String({ minLength: 1, maxLength: 100 }),
  divisionCode: DivisionCodeInput,
  location: LonLat,
  expectedIntervalS: Type.Optional(Type.Integer({ minimum: 1, maximum: 86_400 })),
  enterpriseId: Type.Optional(Nullable(Uuid)),
  hazardPointId: Type.Optional(Nullable(Uuid)),
  params: Type.Optional(Params),
  ruleOverride: Type.Optional(RuleOverride),
}, { additionalProperties: false })

export const UpdateDeviceBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  divisionCode: Type.Optional(DivisionCodeInput),
  location: Type.Optional(LonLat),
  expectedIntervalS: Type.Optional(Type.Integer({ minimum: 1, maximum: 86_400 })),
  enterpriseId: Type.Optional(Nullable(Uuid)),
  hazardPointId: Type.Optional(Nullable(Uuid)),
  params: Type.Optional(Params),
  ruleOverride: Type.Optional(RuleOverride),
}, { additionalProperties: false })

export const DeviceListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50 })),
  type: Type.Optional(DeviceTypeKey),
  divisionCode: Type.Optional(DivisionCodeInput),
  status: Type.Optional(DeviceStatus),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 20 }),
})

export const DeviceMapQuery = Type.Object({
  type: Type.Optional(DeviceTypeKey),
  divisionCode: Type.Optional(DivisionCodeInput),
  status: Type.Optional(DeviceStatus),
})

export const DevicePage = Type.Object({ items: Type.Array(Device), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() })

export const DeviceMap = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(Type.Object({
    type: Type.Literal('Feature'),
    properties: Type.Object({ id: Uuid, code: Type.String(), name: Type.String(), type: Type.String(), status: DeviceStatus, alarmLevel: Nullable(Level) }),
    geometry: Type.Object({ type: Type.Literal('Point'), coordinates: Type.Array(Type.Number()) }),
  })),
})

export const ReadingsQuery = Type.Object({
  metric: Type.Optional(Type.String({ maxLength: 40 })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  bucket: Type.Optional(Type.Union([Type.Literal('raw'), Type.Literal('1m'), Type.Literal('1h')])),
})

export const Readings = Type.Object({
  metric: Type.String(), unit: Type.String(),
  points: Type.Array(Type.Object({ ts: Timestamp, value: Type.Number() })),
  thresholds: Type.Array(Type.Object({ level: Level, value: Type.Number(), label: Type.String() })),
})

export const IngestResult = Type.Object({
  results: Type.Array(Type.Object({
    index: Type.Integer(),
    status: Type.Union([Type.Literal('accepted'), Type.Literal('duplicate'), Type.Literal('rejected')]),
    reason: Type.Optional(Type.String()), message: Type.Optional(Type.String()), messageEn: Type.Optional(Type.String()),
  })),
})

const AlarmStatus = Type.Union([Type.Literal('active'), Type.Literal('acknowledged'), Type.Literal('cleared'), Type.Literal('closed')])

export const Alarm = Type.Object({
  id: Uuid, deviceId: Uuid, deviceCode: Type.String(), deviceName: Type.String(), divisionCode: Type.String(),
  ruleId: Type.String(), ruleName: Type.String(), level: Level, status: AlarmStatus, value: Nullable(Type.Number()),
  message: Type.String(), raisedAt: Timestamp, lastChangedAt: Timestamp, acknowledgedBy: Nullable(Type.String()),
  acknowledgedAt: Nullable(Timestamp), comment: Nullable(Type.String()),
})

export const AlarmDetail = Type.Intersect([Alarm, Type.Object({
  history: Type.Array(Type.Object({
    at: Timestamp,
    kind: Type.Union([Type.Literal('raised'), Type.Literal('escalated'), Type.Literal('deescalated'), Type.Literal('acknowledged'), Type.Literal('cleared'), Type.Literal('closed'), Type.Literal('commented'), Type.Literal('notified')]),
    level: Type.Optional(Nullable(Level)), actor: Type.Optional(Nullable(Type.String())), text: Type.Optional(Nullable(Type.String())),
  })),
})])

export const AlarmListQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('acknowledged'), Type.Literal('cleared'), Type.Literal('closed'), Type.Literal('open')],
    { description: 'active 未确认；acknowledged 已确认；cleared 已解除；closed 已关闭；open 在册（未解除）' })),
  level: Type.Optional(Level),
  divisionCode: Type.Optional(DivisionCodeInput),
  deviceId: Type.Optional(Uuid),
  q: Type.Optional(Type.String({ maxLength: 50 })),
  page: Type.Optional(Type.Integer({ minimum: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, description: '默认 500 · default 500' })),
})

export const AlarmList = Type.Object({ items: Type.Array(Alarm), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() })

export const CommentBody = Type.Object({ comment: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false })
export const CloseBody = Type.Optional(Type.Object({ comment: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false }))
export const TextBody = Type.Object({ text: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false })

export const Lag = Type.Object({
  queueDepth: Type.Integer(), oldestUnprocessedAgeMs: Type.Number(), acceptedTotal: Type.Integer(),
  storedTotal: Type.Integer(), droppedTotal: Type.Integer(), duplicateTotal: Type.Integer(),
})

export const StreamQuery = Type.Object({ devices: Type.Optional(Type.String({ maxLength: 20_000, description: '逗号分隔的设备编号 · comma-separated device ids' })) })
