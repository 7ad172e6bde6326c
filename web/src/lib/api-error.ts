import { translate, type Locale } from '../i18n/i18n.tsx'

/** The server's error body: `{error: {code, message (zh), messageEn, field}}`. */
export interface ApiErrorBody {
  code: string
  message: string
  messageEn?: string
  field?: string
  /** Structured detail, e.g. every bad row of an Excel import. */
  details?: unknown
}

/** A failed API call: the HTTP status plus the server's stable code and bilingual message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** Chinese message. */
    message: string,
    readonly messageEn: string,
    readonly field?: string,
    /** Structured detail from the server, e.g. every bad row of an import. */
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'ApiError'
  }

  /** The message in the UI language. */
  localized(locale: Locale): string {
    return locale === 'zh' ? this.message : this.messageEn || this.message
  }
}

export const networkError = () =>
  new ApiError(0, 'network_error', translate('zh', 'error.network'), translate('en', 'error.network'))

/** Any thrown value as text for the user, in the UI language. */
export function errorText(error: unknown, locale: Locale): string {
  if (error instanceof ApiError) return error.localized(locale)
  return translate(locale, 'error.unknown')
}

export const isUnauthenticated = (error: unknown) => error instanceof ApiError && error.status === 401
