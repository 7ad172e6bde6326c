/**
 * Typed application errors. Services throw these; the root error handler in
 * `http/errorHandler.ts` turns them into `{error: {code, message, messageEn, field}}`.
 * Status codes live here and in the handler only, never in services' logic.
 */
export type ErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'too_many' | 'unavailable'

const statusOf: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_many: 429,
  unavailable: 503,
}

export class AppError extends Error {
  readonly status: number
  constructor(
    readonly kind: ErrorKind,
    /** Stable machine code, e.g. `invalid_division_code`. */
    readonly code: string,
    /** Chinese message shown to users. */
    message: string,
    readonly messageEn: string,
    /** The input field the error is about (a JSON path such as `body.uscc`), if any. */
    readonly field?: string,
    /** Structured detail for the client, e.g. every bad row of an import. */
    readonly details?: unknown,
  ) {
    super(message)
    this.status = statusOf[kind]
  }
}

export const invalid = (code: string, field: string, message: string, messageEn: string) =>
  new AppError('invalid', code, message, messageEn, field)

export const notFound = (what: string, whatEn: string, field?: string) =>
  new AppError('not_found', 'not_found', `${what}不存在`, `${whatEn} not found`, field)

export const forbidden = (message = '无权访问该资源', messageEn = 'You are not allowed to access this resource') =>
  new AppError('forbidden', 'forbidden', message, messageEn)

export const unauthenticated = () =>
  new AppError('unauthenticated', 'unauthenticated', '请先登录', 'Please log in first')
