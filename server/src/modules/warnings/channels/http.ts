/** POST JSON with a timeout, the answer classified for the retry rules. */
import { classifyHttpStatus } from '@yingji/domain/warnings/deliveryBackoff'

export interface PostAnswer {
  kind: 'ok' | 'retry' | 'failed'
  status: number | null
  body: unknown
  error?: string
}

export async function postJson(url: string, payload: unknown, options: { timeoutMs: number; headers?: Record<string, string> }): Promise<PostAnswer> {
  let res: Response
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...options.headers },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(options.timeoutMs),
    })
  } catch (error) {
    // Timeout, refused connection, DNS: transient.
    return { kind: 'retry', status: null, body: null, error: `network: ${(error as Error).message}`.slice(0, 500) }
  }
  const text = await res.text().catch(() => '')
  let body: unknown = text
  try {
    body = text ? JSON.parse(text) : null
  } catch { /* keep the text */ }
  const kind = classifyHttpStatus(res.status)
  return kind === 'ok' ? { kind, status: res.status, body } : { kind, status: res.status, body, error: `HTTP ${res.status}: ${text.slice(0, 300)}` }
}
