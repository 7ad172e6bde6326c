import { afterEach, describe, expect, it } from 'vitest'
import { buildApp } from '../../http/app.ts'
import { createTestPlatform, type TestPlatform } from '../../testing/platform.ts'
import { ensureAdmin } from './bootstrap.ts'

describe('ensureAdmin on first start', () => {
  let platform: TestPlatform | undefined
  afterEach(async () => {
    await platform?.close()
    platform = undefined
  })

  const login = async (p: TestPlatform, password: string) => {
    const app = await buildApp(p, { logger: false })
    try {
      return await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password } })
    } finally {
      await app.close()
    }
  }

  it('generates a one-time password that must be changed, and creates admin only once', async () => {
    platform = await createTestPlatform()
    const first = await ensureAdmin(platform)
    expect(first.generatedPassword).toMatch(/^(?=.*[a-zA-Z])(?=.*\d).{16}$/)
    expect(await ensureAdmin(platform)).toEqual({ generatedPassword: null })

    const res = await login(platform, first.generatedPassword!)
    expect(res.statusCode).toBe(200)
    expect(res.json().user).toMatchObject({
      username: 'admin', role: 'admin', jurisdiction: { code: '360281000000', name: '乐平市' }, mustChangePassword: true,
    })
  })

  it('uses the configured password, ready to use at once', async () => {
    platform = await createTestPlatform({ adminPassword: 'Configured-2024' })
    expect(await ensureAdmin(platform)).toEqual({ generatedPassword: null })
    const res = await login(platform, 'Configured-2024')
    expect(res.statusCode).toBe(200)
    expect(res.json().user.mustChangePassword).toBe(false)
  })

  it('refuses a configured password that breaks the policy', async () => {
    platform = await createTestPlatform({ adminPassword: 'admin' })
    await expect(ensureAdmin(platform)).rejects.toMatchObject({ code: 'weak_password', field: 'YINGJI_ADMIN_PASSWORD' })
  })
})
