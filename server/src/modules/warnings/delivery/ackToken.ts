/**
 * The acknowledgement link's token (确认链接): the delivery id (32 hex digits) followed by the
 * first 128 bits of HMAC-SHA256(secret, id) — 64 hex characters, as long as the stored token
 * it replaces. Unguessable without the secret; checked in constant time; nothing stored per
 * delivery (writing a random token per row was most of the fan-out's cost).
 *
 * The secret: 256 random bits kept in warnings.delivery_secrets, created by the first process
 * that needs it (every server process of one database shares it, so links survive restarts).
 */
import crypto from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Queryable } from '../../../db/database.ts'
import { queryRows } from '../../../db/rows.ts'

const secrets = new WeakMap<object, Promise<Buffer>>()

async function readOrCreateSecret(q: Queryable): Promise<Buffer> {
  await q.execute(sql`
    INSERT INTO warnings.delivery_secrets (id, secret) VALUES (1, ${crypto.randomBytes(32).toString('hex')})
    ON CONFLICT (id) DO NOTHING`)
  const [row] = await queryRows<{ secret: string }>(q, sql`SELECT secret FROM warnings.delivery_secrets WHERE id = 1`)
  return Buffer.from(row!.secret, 'hex')
}

/** The secret of the database behind `q` (read once per handle). */
export function ackSecret(q: Queryable): Promise<Buffer> {
  let secret = secrets.get(q)
  if (!secret) {
    secret = readOrCreateSecret(q)
    secret.catch(() => secrets.delete(q))
    secrets.set(q, secret)
  }
  return secret
}

const mac = (secret: Buffer, idHex: string) => crypto.createHmac('sha256', secret).update(idHex).digest().subarray(0, 16)

export function ackToken(secret: Buffer, deliveryId: string): string {
  const idHex = deliveryId.replace(/-/g, '').toLowerCase()
  return idHex + mac(secret, idHex).toString('hex')
}

/** The delivery id a token names, or null when the token is malformed or not ours. */
export function deliveryIdOfAckToken(secret: Buffer, token: string): string | null {
  if (!/^[0-9a-f]{64}$/.test(token)) return null
  const idHex = token.slice(0, 32)
  if (!crypto.timingSafeEqual(Buffer.from(token.slice(32), 'hex'), mac(secret, idHex))) return null
  return `${idHex.slice(0, 8)}-${idHex.slice(8, 12)}-${idHex.slice(12, 16)}-${idHex.slice(16, 20)}-${idHex.slice(20)}`
}
