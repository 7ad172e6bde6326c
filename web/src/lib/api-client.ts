import { translate } from '../i18n/i18n.tsx'
import { ApiError, networkError, type ApiErrorBody } from './api-error.ts'

/**
 * The single API client: same-origin fetch with the session cookie, JSON in and out.
 * Failures become `ApiError`s carrying the server's code and bilingual message; the app's
 * query cache shows them and sends 401s to the login page.
 */
export async function apiRequest<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw networkError()
  }
  if (response.status === 204) return undefined as T
  const payload: unknown = await response.json().catch(() => null)
  if (!response.ok) throw toApiError(response.status, payload)
  return payload as T
}

export const apiGet = <T>(path: string) => apiRequest<T>('GET', path)
export const apiPost = <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, body)
export const apiPatch = <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, body)
export const apiPut = <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, body)
export const apiDelete = (path: string) => apiRequest<void>('DELETE', path)

/** `path?a=1&b=x`, leaving out empty values. */
export function withQuery(path: string, params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value))
  }
  const text = search.toString()
  return text ? `${path}?${text}` : path
}

export function toApiError(status: number, payload: unknown): ApiError {
  const body = (payload as { error?: ApiErrorBody } | null)?.error
  if (body && typeof body.code === 'string') {
    return new ApiError(status, body.code, body.message, body.messageEn ?? body.message, body.field, body.details)
  }
  return new ApiError(status, `http_${status}`, translate('zh', 'error.http', { status }), translate('en', 'error.http', { status }))
}
