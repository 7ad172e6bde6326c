/** Session tokens and API keys: random secrets of which only a SHA-256 is stored. */
import crypto from 'node:crypto'
import { apiKeyVisiblePrefix } from './limits.ts'

export const sha256Hex = (secret: string): string => crypto.createHash('sha256').update(secret).digest('hex')

export const newSessionToken = (): string => crypto.randomBytes(32).toString('base64url')

const apiKeyMarker = 'yjk_'

export interface NewApiKey {
  key: string
  prefix: string
  keyHash: string
}

export function newApiKey(): NewApiKey {
  const key = apiKeyMarker + crypto.randomBytes(32).toString('base64url')
  return { key, prefix: key.slice(0, apiKeyMarker.length + apiKeyVisiblePrefix), keyHash: sha256Hex(key) }
}
