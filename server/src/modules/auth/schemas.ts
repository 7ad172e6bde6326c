/** TypeBox schemas of the auth API: they validate, type and document (OpenAPI) together. */
import { Type } from '@fastify/type-provider-typebox'
import { roles, type Role } from '../../http/access.ts'
import { Nullable } from '../../http/openapi.ts'

export const RoleSchema = Type.Unsafe<Role>({ type: 'string', enum: [...roles], description: '角色 · Role' })
const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() })
const JurisdictionSchema = Type.Object({
  code: Type.String({ description: '12 位行政区划代码 · 12-digit division code' }),
  name: Type.String(),
})
const Timestamp = Type.String({ format: 'date-time' })

/** 6, 9 or 12 digits (county, township, village); stored as 12. */
export const DivisionCodeInput = Type.String({ description: '管辖范围：6/9/12 位行政区划代码 · Jurisdiction: a 6-, 9- or 12-digit division code' })

export const MeSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  roleName: Bilingual,
  jurisdiction: JurisdictionSchema,
  enterpriseId: Nullable(Type.String()),
  mustChangePassword: Type.Boolean(),
})

export const UserSchema = Type.Object({
  ...MeSchema.properties,
  disabled: Type.Boolean(),
  lockedUntil: Nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
})

export const ApiKeySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String({ description: '密钥前几位，便于辨认 · The first characters of the key' }),
  role: RoleSchema,
  roleName: Bilingual,
  jurisdiction: JurisdictionSchema,
  createdBy: Nullable(Type.String()),
  createdAt: Timestamp,
  revokedAt: Nullable(Timestamp),
  lastUsedAt: Nullable(Timestamp),
})

export const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Timestamp,
  actor: Type.Object({
    kind: Type.Union([Type.Literal('user'), Type.Literal('api_key'), Type.Literal('system')]),
    id: Nullable(Type.String()),
    name: Type.String(),
    role: Nullable(Type.String()),
  }),
  action: Type.String(),
  entity: Type.String(),
  entityId: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
})

export const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
}, { additionalProperties: false })

export const PasswordBody = Type.Object({
  currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
  newPassword: Type.String({ maxLength: 256, description: '至少 8 个字符，含字母和数字 · At least 8 characters with letters and digits' }),
}, { additionalProperties: false })

export const CreateUserBody = Type.Object({
  username: Type.String({ pattern: '^[A-Za-z0-9_.-]{3,32}$', description: '3–32 个字母、数字或 _ . - · 3–32 letters, digits or _ . -' }),
  displayName: Type.String({ minLength: 1, maxLength: 64 }),
  role: RoleSchema,
  jurisdiction: DivisionCodeInput,
  password: Type.Optional(Type.String({ maxLength: 256, description: '省略则生成一次性密码 · Omit to generate a one-time password' })),
  enterpriseId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
}, { additionalProperties: false })

export const UpdateUserBody = Type.Object({
  displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  role: Type.Optional(RoleSchema),
  jurisdiction: Type.Optional(DivisionCodeInput),
  enterpriseId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  disabled: Type.Optional(Type.Boolean()),
  resetPassword: Type.Optional(Type.Boolean({ description: '生成一次性密码，用户须在登录后修改 · Issue a one-time password the user must change' })),
  unlock: Type.Optional(Type.Boolean({ description: '解除登录锁定 · Lift a login lockout' })),
}, { additionalProperties: false })

export const UserWithPassword = Type.Object({
  user: UserSchema,
  oneTimePassword: Nullable(Type.String({ description: '仅此一次显示 · Shown this once only' })),
})

export const CreateApiKeyBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 64 }),
  role: RoleSchema,
  jurisdiction: DivisionCodeInput,
}, { additionalProperties: false })

export const IdParams = Type.Object({ id: Type.String() })

export const AuditQuery = Type.Object({
  entity: Type.Optional(Type.String({ maxLength: 64 })),
  entityId: Type.Optional(Type.String({ maxLength: 128 })),
  actor: Type.Optional(Type.String({ maxLength: 64, description: '操作者 id（用户或密钥）· Actor id (user or API key)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  before: Type.Optional(Type.Integer({ minimum: 1, description: '上一页最后一条的 id · The id of the last entry of the previous page' })),
}, { additionalProperties: false })

export { ErrorSchema } from '../../http/openapi.ts'
