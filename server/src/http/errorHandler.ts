import type { FastifyError, FastifyInstance } from 'fastify'
import { AppError } from './errors.ts'
import { describeValidationError, fieldOf } from './validation.ts'

export interface ErrorBody {
  error: { code: string; message: string; messageEn: string; field?: string; details?: unknown }
}

const body = (code: string, message: string, messageEn: string, field?: string, details?: unknown): ErrorBody =>
  ({ error: { code, message, messageEn, ...(field ? { field } : {}), ...(details === undefined ? {} : { details }) } })

/** Fastify's own client errors, by code: status and bilingual text. */
const frameworkErrors: Record<string, [number, string, string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'malformed_json', '请求体不是有效的 JSON', 'The request body is not valid JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'empty_body', '请求体为空', 'The request body is empty'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'body_too_large', '请求体过大', 'The request body is too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', '不支持的内容类型', 'Unsupported content type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid_content_length', '请求长度无效', 'Invalid content length'],
}

export interface ErrorHandlerOptions {
  /** The built web app is served: unknown non-API GETs answer its index.html (client routing). */
  spaFallback?: boolean
}

/** One root handler: typed errors → status + `{error}`; 5xx details are logged, never returned. */
export function installErrorHandler(app: FastifyInstance, options: ErrorHandlerOptions = {}): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send(body(error.code, error.message, error.messageEn, error.field, error.details))
    }
    if (error.validation && error.validation.length > 0) {
      const first = error.validation[0]!
      const field = fieldOf(first, error.validationContext ?? 'body')
      const { message, messageEn } = describeValidationError(first, field)
      return reply.status(400).send(body('invalid_input', message, messageEn, field))
    }
    const known = error.code ? frameworkErrors[error.code] : undefined
    if (known) {
      const [status, code, message, messageEn] = known
      return reply.status(status).send(body(code, message, messageEn, 'body'))
    }
    if (error.statusCode === 429) {
      return reply.status(429).send(body('too_many_requests', '请求过于频繁，请稍后再试', 'Too many requests, try again later'))
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send(body('bad_request', `请求无效：${error.message}`, `Bad request: ${error.message}`))
    }
    request.log.error({ err: error }, 'unhandled error')
    return reply.status(500).send(body('internal_error', '服务器内部错误', 'Internal server error'))
  })
  // Fastify allows one not-found handler per prefix, so the SPA fallback lives here too.
  app.setNotFoundHandler((request, reply) => {
    if (options.spaFallback && request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/public/')) {
      return reply.type('text/html').sendFile('index.html')
    }
    return reply.status(404).send(body('route_not_found', `接口不存在：${request.method} ${request.url}`, `No such route: ${request.method} ${request.url}`))
  })
}
