import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../http/app.ts'
import { createTestPlatform, type TestPlatform } from '../../testing/platform.ts'
import { loginAs, type TestSession } from '../../testing/session.ts'
import { recordAudit } from './audit.ts'

describe('user administration and the audit log', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let countyAdmin: TestSession
  let townshipAdmin: TestSession
  beforeAll(async () => {
    platform = await createTestPlatform()
    app = await buildApp(platform, { logger: false })
    countyAdmin = await loginAs(app, platform, { role: 'admin' })
    townshipAdmin = await loginAs(app, platform, { role: 'admin', jurisdiction: '360281100' })
  })
  afterAll(async () => {
    await app?.close()
    await platform?.close()
  })

  const createUser = (session: TestSession, payload: object) =>
    app.inject({ method: 'POST', url: '/api/auth/users', headers: session.headers, payload })
  const audit = async (query: string) => {
    const res = await app.inject({ method: 'GET', url: `/api/auth/audit?${query}`, headers: countyAdmin.headers })
    expect(res.statusCode).toBe(200)
    return res.json().items as { action: string; actor: { name: string; kind: string; id: string | null }; before: unknown; after: unknown }[]
  }
  const login = (username: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: `10.3.0.${Math.floor(Math.random() * 250)}` })

  it('creates a user with a one-time password that must be changed at first login', async () => {
    const res = await createUser(countyAdmin, { username: 'li.village', displayName: '李信息员', role: 'village', jurisdiction: '360281100201' })
    expect(res.statusCode).toBe(201)
    const { user, oneTimePassword } = res.json()
    expect(user).toMatchObject({ username: 'li.village', role: 'village', jurisdiction: { code: '360281100201' }, mustChangePassword: true, disabled: false })
    expect(JSON.stringify(user)).not.toMatch(/argon2|hash/i)
    const first = await login('li.village', oneTimePassword)
    expect(first.statusCode).toBe(200)
    expect(first.json().user.mustChangePassword).toBe(true)
  })

  it('writes the creation to the audit log with the state after and no password hash', async () => {
    const res = await createUser(countyAdmin, { username: 'zhou.duty', displayName: '周值班', role: 'duty_officer', jurisdiction: '360281', password: 'Chosen-pass-1' })
    const id = res.json().user.id
    const [entry] = await audit(`entity=user&entityId=${id}`)
    expect(entry).toMatchObject({
      action: 'user.create',
      actor: { kind: 'user', id: countyAdmin.user.id },
      before: null,
      after: { username: 'zhou.duty', role: 'duty_officer', jurisdiction: '360281000000', mustChangePassword: true, disabled: false },
    })
    expect(JSON.stringify(entry)).not.toMatch(/argon2|Chosen-pass-1/)
  })

  it('updates role, name and jurisdiction with before and after in the audit log', async () => {
    const created = (await createUser(countyAdmin, { username: 'wu.staff', displayName: '吴', role: 'department', jurisdiction: '360281' })).json().user
    const res = await app.inject({
      method: 'PATCH', url: `/api/auth/users/${created.id}`, headers: countyAdmin.headers,
      payload: { role: 'township', displayName: '吴镇', jurisdiction: '360281101' },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json().user).toMatchObject({ role: 'township', displayName: '吴镇', jurisdiction: { code: '360281101000' } })
    expect(res.json().oneTimePassword).toBeNull()
    const [entry] = await audit(`entity=user&entityId=${created.id}`)
    expect(entry).toMatchObject({
      action: 'user.update',
      before: { role: 'department', displayName: '吴', jurisdiction: '360281000000' },
      after: { role: 'township', displayName: '吴镇', jurisdiction: '360281101000' },
    })
  })

  it('resets a password: the old one stops working and the new one must be changed', async () => {
    const created = (await createUser(countyAdmin, { username: 'qian.cmd', displayName: '钱', role: 'commander', jurisdiction: '360281', password: 'Original-pass-1' })).json().user
    const res = await app.inject({ method: 'PATCH', url: `/api/auth/users/${created.id}`, headers: countyAdmin.headers, payload: { resetPassword: true } })
    expect(res.statusCode).toBe(200)
    const { oneTimePassword, user } = res.json()
    expect(user.mustChangePassword).toBe(true)
    expect((await login('qian.cmd', 'Original-pass-1')).statusCode).toBe(401)
    expect((await login('qian.cmd', oneTimePassword)).json().user.mustChangePassword).toBe(true)
    const actions = (await audit(`entity=user&entityId=${created.id}`)).map((e) => e.action)
    expect(actions).toEqual(['auth.login', 'auth.login_failed', 'user.password_reset', 'user.create'])
  })

  it('disables a user: their open session ends and they cannot log in', async () => {
    const victim = await loginAs(app, platform, { role: 'duty_officer' })
    const res = await app.inject({ method: 'PATCH', url: `/api/auth/users/${victim.user.id}`, headers: countyAdmin.headers, payload: { disabled: true } })
    expect(res.json().user.disabled).toBe(true)
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: victim.headers })).statusCode).toBe(401)
    const again = await login(victim.user.username, victim.user.password)
    expect(again.statusCode).toBe(403)
    expect(again.json().error.code).toBe('account_disabled')
  })

  it('keeps a township admin inside its township', async () => {
    const outside = await createUser(townshipAdmin, { username: 'far.away', displayName: '外', role: 'village', jurisdiction: '360281101001' })
    expect(outside.statusCode).toBe(403)
    const inside = await createUser(townshipAdmin, { username: 'near.by', displayName: '内', role: 'village', jurisdiction: '360281100203' })
    expect(inside.statusCode).toBe(201)

    const list = await app.inject({ method: 'GET', url: '/api/auth/users', headers: townshipAdmin.headers })
    const codes = (list.json().items as { jurisdiction: { code: string } }[]).map((u) => u.jurisdiction.code)
    expect(codes.length).toBeGreaterThan(0)
    expect(codes.every((c) => c.startsWith('360281100'))).toBe(true)

    const countyUser = (await createUser(countyAdmin, { username: 'county.one', displayName: '县', role: 'commander', jurisdiction: '360281' })).json().user
    const patch = await app.inject({ method: 'PATCH', url: `/api/auth/users/${countyUser.id}`, headers: townshipAdmin.headers, payload: { displayName: 'x' } })
    expect(patch.statusCode).toBe(404)
  })

  it('refuses duplicate usernames whatever their case', async () => {
    await createUser(countyAdmin, { username: 'sun.dup', displayName: '孙', role: 'commander', jurisdiction: '360281' })
    const dup = await createUser(countyAdmin, { username: 'Sun.Dup', displayName: '孙', role: 'commander', jurisdiction: '360281' })
    expect(dup.statusCode).toBe(409)
    expect(dup.json().error).toMatchObject({ code: 'username_taken', field: 'body.username' })
  })

  it.each([
    ['a malformed jurisdiction', { jurisdiction: '36028' }, 'body.jurisdiction', 'invalid_division_code'],
    ['a jurisdiction with a township under a zero county', { jurisdiction: '360200100' }, 'body.jurisdiction', 'invalid_division_code'],
    ['a well-formed code of no known division', { jurisdiction: '360281100999' }, 'body.jurisdiction', 'unknown_division'],
    ['an unknown role', { role: 'mayor' }, 'body.role', 'invalid_input'],
    ['an unknown field', { nickname: '小李' }, 'body.nickname', 'invalid_input'],
    ['a number for the name', { displayName: 42 }, 'body.displayName', 'invalid_input'],
    ['a weak password', { password: 'short1' }, 'body.password', 'weak_password'],
    ['an enterprise user without an enterprise', { role: 'enterprise' }, 'body.enterpriseId', 'enterprise_required'],
  ])('answers 400 for %s, naming the field in Chinese and English', async (_why, override, field, code) => {
    const res = await createUser(countyAdmin, { username: 'bad.input', displayName: '坏', role: 'village', jurisdiction: '360281100201', ...override })
    expect(res.statusCode).toBe(400)
    const error = res.json().error
    expect(error).toMatchObject({ code, field })
    expect(error.message).toContain(field)
    expect(error.messageEn).toContain(field)
  })

  it('pages through the audit log newest first', async () => {
    // Enough entries that ids cross a power of ten: they must sort as numbers, not text.
    for (let i = 0; i < 120; i++) await recordAudit(platform.db, { actor: null, action: 'probe.write', entity: 'probe', entityId: String(i) })
    const probes = (await audit('entity=probe&limit=500')) as unknown as { id: number; entityId: string; actor: { name: string } }[]
    expect(probes.map((e) => e.entityId)).toEqual(Array.from({ length: 120 }, (_, i) => String(119 - i)))
    expect(probes[0]!.actor.name).toBe('系统')
    const page1 = await app.inject({ method: 'GET', url: '/api/auth/audit?limit=2', headers: countyAdmin.headers })
    const body1 = page1.json()
    expect(body1.items).toHaveLength(2)
    expect(body1.items[0].id).toBeGreaterThan(body1.items[1].id)
    const page2 = (await app.inject({ method: 'GET', url: `/api/auth/audit?limit=2&before=${body1.nextBefore}`, headers: countyAdmin.headers })).json()
    expect(page2.items[0].id).toBeLessThan(body1.items[1].id)
    const byActor = await audit(`actor=${countyAdmin.user.id}`)
    expect(byActor.length).toBeGreaterThan(3)
    expect(byActor.every((e) => e.actor.id === countyAdmin.user.id)).toBe(true)
  })
})
