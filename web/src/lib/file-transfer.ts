import { toApiError } from './api-client.ts'
import { networkError } from './api-error.ts'

/** The media type of .xlsx uploads and downloads (as the server's `xlsxMediaType`). */
export const xlsxMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The file name the server suggests (`Content-Disposition`, RFC 6266 `filename*` first). */
function suggestedName(response: Response, fallback: string): string {
  const disposition = response.headers.get('content-disposition') ?? ''
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition)
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1])
    } catch {
      // A malformed name: keep ours.
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition)
  return plain?.[1] ?? fallback
}

/**
 * Downloads a file (Excel template or export, Word card) with the session cookie and saves
 * it under the server's name. Failures become `ApiError`s like any other call.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<string> {
  let response: Response
  try {
    response = await fetch(path, { credentials: 'same-origin' })
  } catch {
    throw networkError()
  }
  if (!response.ok) throw toApiError(response.status, await response.json().catch(() => null))
  const name = suggestedName(response, fallbackName)
  const url = URL.createObjectURL(await response.blob())
  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = name
  document.body.append(anchor)
  anchor.click()
  anchor.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return name
}

/** Sends a file as the raw request body (`POST …/import` with an .xlsx). */
export async function uploadFile<T>(path: string, file: Blob, mediaType: string): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': mediaType },
      body: file,
    })
  } catch {
    throw networkError()
  }
  const payload: unknown = await response.json().catch(() => null)
  if (!response.ok) throw toApiError(response.status, payload)
  return payload as T
}

/** A file's bytes as base64 (for APIs that take files inside a JSON body). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  // In chunks: String.fromCharCode takes its bytes as arguments, and argument lists are bounded.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** A file size as `850 KB` or `3.2 MB`. */
export const formatFileSize = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`)
