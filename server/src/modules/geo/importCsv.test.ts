import path from 'node:path'
import fs from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../http/app.ts'
import { createTestPlatform, type TestPlatform } from '../../testing/platform.ts'
import { loginAs } from '../../testing/session.ts'
import { findAuditEntries } from '../auth/audit.ts'
import { DivisionImportError, importDivisionsCsv } from './importCsv.ts'

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures')
const fixture = (name: string) => path.join(fixtures, name)

describe('importDivisionsCsv', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let fuliangOfficer: { cookie: string }
  const get = (url: string) => app.inject({ method: 'GET', url, headers: { cookie: fuliangOfficer.cookie } })
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yingji-geo-import-'))
  const writeCsv = (name: string, text: string) => {
    const file = path.join(tmp, name)
    fs.writeFileSync(file, text)
    return file
  }

  beforeAll(async () => {
    platform = await createTestPlatform()
    app = await buildApp(platform, { logger: false })
    fuliangOfficer = await loginAs(app, platform, { role: 'duty_officer', jurisdiction: '360222' })
  })
  afterAll(async () => {
    await app?.close()
    await platform?.close()
    fs.rmSync(tmp, { recursive: true, force: true })
  })

  it('rejects a file with several bad rows, listing every one by line in Chinese and English, and imports nothing', async () => {
    const error = await importDivisionsCsv(platform.db, fixture('fuliang_bad.csv')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DivisionImportError)
    const { problems, message, messageEn, status } = error as DivisionImportError
    expect(status).toBe(400)
    expect(problems.map((p) => p.line)).toEqual([3, 5, 6, 7, 8])
    expect(problems.find((p) => p.line === 3)!.messageEn).toContain('36022A')
    expect(problems.find((p) => p.line === 5)!.message).toContain('与第 4 行重复')
    expect(problems.find((p) => p.line === 6)!.messageEn).toContain('parent division 360222199')
    expect(message).toContain('第 7 行')
    expect(messageEn).toContain('line 8')
    expect((await get('/api/divisions/360222')).statusCode).toBe(404)
  })

  it('imports 浮梁县 with parents from the codes and types from the names, visible through the API', async () => {
    expect(await importDivisionsCsv(platform.db, fixture('fuliang_360222.csv'))).toEqual({ count: 7, root: '360222' })
    const county = (await get('/api/divisions/360222')).json()
    expect(county).toMatchObject({ code: '360222000000', name: '浮梁县', level: 'county', type: '县', synthetic: false, population: null, location: null, parentCode: '360200000000' })
    expect(county.children.map((c: { name: string; type: string; childCount: number }) => [c.name, c.type, c.childCount]))
      .toEqual([['浮梁镇', '镇', 2], ['鹅湖镇', '镇', 2]])
    const town = (await get('/api/divisions/360222100')).json()
    expect(town.children.map((c: { name: string; type: string }) => [c.name, c.type])).toEqual([['旧城村委会', '村委会'], ['新平社区居委会', '居委会']])
    const [entry] = await findAuditEntries(platform.db, { entity: 'division', entityId: '360222000000', limit: 1 })
    expect(entry).toMatchObject({ action: 'division.import', actor: { kind: 'system', id: null }, after: { count: 7, created: 7, updated: 0 } })
  })

  it('adds rows under divisions already in the database and renames on re-import', async () => {
    const file = writeCsv('more.csv', '\uFEFFcode,name\n360222101003,新村村委会\n360222101001,鹅湖村民委员会\n')
    expect(await importDivisionsCsv(platform.db, file)).toEqual({ count: 2, root: '360222101001' })
    const town = (await get('/api/divisions/360222101')).json()
    expect(town.children.map((c: { name: string }) => c.name)).toEqual(['鹅湖村民委员会', '桃岭村委会', '新村村委会'])
    const [entry] = await findAuditEntries(platform.db, { entity: 'division', entityId: '360222101001', limit: 1 })
    expect(entry).toMatchObject({ after: { created: 1, updated: 1 }, before: { rows: [{ code: '360222101001', name: '鹅湖村委会' }] } })
  })

  it('keeps the synthetic population and points of Leping when its code list is re-imported', async () => {
    const file = writeCsv('leping.csv', 'code,name,type\n360281100,镇桥镇,镇\n')
    await importDivisionsCsv(platform.db, file)
    const officer = await loginAs(app, platform, { role: 'duty_officer' })
    const town = (await app.inject({ method: 'GET', url: '/api/divisions/360281100', headers: { cookie: officer.cookie } })).json()
    expect(town).toMatchObject({ name: '镇桥镇', synthetic: true })
    expect(town.population).toBeGreaterThan(0)
    expect(town.location).not.toBeNull()
  })

  it.each([
    { why: 'a header without name', text: 'code,title\n360222,浮梁县\n', line: 1 },
    { why: 'a header only', text: 'code,name\n', line: 2 },
    { why: 'an unclosed quote', text: 'code,name\n360222,"浮梁县\n', line: 2 },
  ])('rejects $why', async ({ text, line }) => {
    const error = await importDivisionsCsv(platform.db, writeCsv('bad.csv', text)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DivisionImportError)
    expect((error as DivisionImportError).problems[0]!.line).toBe(line)
  })

  it('reports a missing file by name', async () => {
    await expect(importDivisionsCsv(platform.db, path.join(tmp, 'nope.csv'))).rejects.toMatchObject({ code: 'file_not_found' })
  })
})
