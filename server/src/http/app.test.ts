import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from './app.ts'
import { createTestPlatform, type TestPlatform } from '../testing/platform.ts'

describe('the HTTP shell', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  beforeAll(async () => {
    platform = await createTestPlatform()
    app = await buildApp(platform, { logger: false })
  })
  afterAll(async () => {
    await app?.close()
    await platform?.close()
  })

  it('answers health with the database kind', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'ok', db: platform.database.kind, version: platform.config.version })
  })

  it('serves the OpenAPI document', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' })
    expect(res.statusCode).toBe(200)
    expect(res.json().openapi).toBe('3.0.3')
  })

  it('answers an unknown API route with a bilingual 404', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nothing-here' })
    expect(res.statusCode).toBe(404)
    expect(res.json().error).toMatchObject({ code: 'route_not_found' })
  })
})
