import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'drizzle-orm'
import { buildApp } from '../../http/app.ts'
import { createTestPlatform, type TestPlatform } from '../../testing/platform.ts'
import { loginAs, type TestSession } from '../../testing/session.ts'
import { queryRows } from '../../db/rows.ts'

describe('API keys for machines', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let admin: TestSession
  beforeAll(async () => {
    platform = await createTestPlatform()
    app = await buildApp(platform, { logger: false })
    admin = await loginAs(app, platform, { role: 'admin' })
  })
  afterAll(async () => {
    await app?.close()
    await platform?.close()
  })

  const createKey = (payload: object) => app.inject({ method: 'POST', url: '/api/auth/api-keys', headers: admin.headers, payload })
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` })

  it('issues a key once, authenticates with it, and stops it when revoked', async () => {
    const created = await createKey({ name: '雨量站网关 rain gateway', role: 'api_client', jurisdiction: '360281100' })
    expect(created.statusCode).toBe(201)
    const { apiKey, key } = created.json()
    expect(key).toMatch(/^yjk_[A-Za-z0-9_-]{40,}$/)
    expect(key.startsWith(apiKey.prefix)).toBe(true)
    expect(apiKey).toMatchObject({ role: 'api_client', jurisdiction: { code: '360281100000' }, revokedAt: null, lastUsedAt: null })

    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(key) })
    expect(me.statusCode).toBe(200)
    expect(me.json()).toMatchObject({ id: apiKey.id, role: 'api_client', displayName: '雨量站网关 rain gateway', mustChangePassword: false })

    // The list shows the prefix and the last use, never the key.
    const list = await app.inject({ method: 'GET', url: '/api/auth/api-keys', headers: admin.headers })
    const listed = list.json().items.find((k: { id: string }) => k.id === apiKey.id)
    expect(listed.lastUsedAt).not.toBeNull()
    expect(list.body).not.toContain(key)
    const stored = await queryRows<{ key_hash: string }>(platform.db, sql`SELECT key_hash FROM auth.api_keys WHERE id = ${apiKey.id}::uuid`)
    expect(stored[0]!.key_hash).not.toContain(key.slice(4))

    const revoked = await app.inject({ method: 'DELETE', url: `/api/auth/api-keys/${apiKey.id}`, headers: admin.headers })
    expect(revoked.statusCode).toBe(204)
    const after = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(key) })
    expect(after.statusCode).toBe(401)
    expect(after.json().error.code).toBe('unauthenticated')

    const audit = await app.inject({ method: 'GET', url: `/api/auth/audit?entity=api_key&entityId=${apiKey.id}`, headers: admin.headers })
    const entries = audit.json().items
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['api_key.revoke', 'api_key.create'])
    expect(entries[0].before.revokedAt).toBeNull()
    expect(entries[0].after.revokedAt).not.toBeNull()
    expect(audit.body).not.toContain(key)
  })

  it('applies the key role: an api_client is refused admin routes', async () => {
    const { key } = (await createKey({ name: 'sensor', role: 'api_client', jurisdiction: '360281' })).json()
    const res = await app.inject({ method: 'GET', url: '/api/auth/users', headers: bearer(key) })
    expect(res.statusCode).toBe(403)
  })

  it('answers 401 to an unknown key and a malformed Authorization header', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer('yjk_not-a-real-key') })).statusCode).toBe(401)
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: 'Basic abc' } })).statusCode).toBe(401)
  })

  it('refuses admin keys and bad jurisdictions, naming the field', async () => {
    const adminKey = await createKey({ name: 'root', role: 'admin', jurisdiction: '360281' })
    expect(adminKey.statusCode).toBe(400)
    expect(adminKey.json().error.field).toBe('body.role')
    const badCode = await createKey({ name: 'x', role: 'api_client', jurisdiction: 'leping' })
    expect(badCode.statusCode).toBe(400)
    expect(badCode.json().error).toMatchObject({ code: 'invalid_division_code', field: 'body.jurisdiction' })
    expect(badCode.json().error.message).toContain('行政区划代码')
  })
})
