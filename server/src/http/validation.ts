import { Ajv, type ErrorObject, type Options } from 'ajv'
import addFormats from 'ajv-formats'
import type { FastifySchemaCompiler } from 'fastify'

/**
 * Two validators: bodies are validated strictly (a string "5" is not the number 5, unknown
 * fields are errors), while params and query strings, which are text by nature, are coerced.
 * Fastify's default would silently drop unknown fields and coerce bodies.
 */
function makeAjv(coerce: boolean): Ajv {
  const options: Options = {
    coerceTypes: coerce ? 'array' : false,
    useDefaults: true,
    removeAdditional: false,
    allErrors: false,
    strict: false,
  }
  const ajv = new Ajv(options)
  addFormats.default(ajv)
  return ajv
}

const strictAjv = makeAjv(false)
const coercingAjv = makeAjv(true)

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? strictAjv : coercingAjv).compile(schema)

/** The input field an ajv error is about, as `body.a.b` / `querystring.q`. */
export function fieldOf(error: ErrorObject, httpPart: string): string {
  const segments = error.instancePath.split('/').filter(Boolean)
  const params = error.params as Record<string, unknown>
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') segments.push(params.missingProperty)
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') segments.push(params.additionalProperty)
  return [httpPart, ...segments].join('.')
}

/** A Chinese and an English sentence for one ajv error. */
export function describeValidationError(error: ErrorObject, field: string): { message: string; messageEn: string } {
  const p = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'required':
      return { message: `缺少必填字段 ${field}`, messageEn: `Missing required field ${field}` }
    case 'additionalProperties':
      return { message: `不允许的字段 ${field}`, messageEn: `Unknown field ${field}` }
    case 'type':
      return { message: `字段 ${field} 类型错误，应为 ${String(p.type)}`, messageEn: `Field ${field} must be ${String(p.type)}` }
    case 'minLength':
      return { message: `字段 ${field} 长度不能少于 ${String(p.limit)}`, messageEn: `Field ${field} must have at least ${String(p.limit)} characters` }
    case 'maxLength':
      return { message: `字段 ${field} 长度不能超过 ${String(p.limit)}`, messageEn: `Field ${field} must have at most ${String(p.limit)} characters` }
    case 'minimum':
    case 'exclusiveMinimum':
      return { message: `字段 ${field} 不能小于 ${String(p.limit)}`, messageEn: `Field ${field} must be at least ${String(p.limit)}` }
    case 'maximum':
    case 'exclusiveMaximum':
      return { message: `字段 ${field} 不能大于 ${String(p.limit)}`, messageEn: `Field ${field} must be at most ${String(p.limit)}` }
    case 'minItems':
      return { message: `字段 ${field} 至少需要 ${String(p.limit)} 项`, messageEn: `Field ${field} needs at least ${String(p.limit)} items` }
    case 'maxItems':
      return { message: `字段 ${field} 最多 ${String(p.limit)} 项`, messageEn: `Field ${field} allows at most ${String(p.limit)} items` }
    case 'enum':
    case 'const':
    case 'anyOf':
    case 'oneOf':
      return { message: `字段 ${field} 的取值不在允许范围内`, messageEn: `Field ${field} has a value that is not allowed` }
    case 'pattern':
    case 'format':
      return { message: `字段 ${field} 格式不正确`, messageEn: `Field ${field} has an invalid format` }
    default:
      return { message: `字段 ${field} 无效`, messageEn: `Field ${field} is invalid (${error.message ?? error.keyword})` }
  }
}
