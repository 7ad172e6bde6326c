import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'drizzle-orm'
import { queryRows } from '../../../db/rows.ts'
import { buildApp, xlsxMediaType } from '../../../http/app.ts'
import { createTestPlatform, type TestPlatform } from '../../../testing/platform.ts'
import { loginAs, type TestSession } from '../../../testing/session.ts'
import { usccFor } from './usccFor.ts'

const base = '/api/registry/enterprises'
/** 镇桥镇 and 乐港镇, two townships; the industrial park's village-level unit. */
const zhenqiao = '360281100'
const legang = '360281101'
const park = '360281401498'

describe('enterprise registry API', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let duty: TestSession
  let zhenqiaoOfficer: TestSession
  let serial = 500_000
  const nextUscc = () => usccFor(serial++)

  const call = (session: TestSession | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url, headers: session ? session.headers : {}, ...(payload ? { payload } : {}) })
  const create = async (session: TestSession, body: object) => {
    const res = await call(session, 'POST', base, { uscc: nextUscc(), ...body })
    expect(res.statusCode, res.body).toBe(201)
    return res.json()
  }
  const auditOf = (entityId: string) => queryRows<{ action: string; actor_id: string | null; before: unknown; after: unknown }>(platform.db, sql`
    SELECT action, actor_id::text AS actor_id, before, after FROM auth.audit_log WHERE entity_id = ${entityId} ORDER BY id`)

  beforeAll(async () => {
    platform = await createTestPlatform()
    app = await buildApp(platform, { logger: false })
    duty = await loginAs(app, platform, { role: 'duty_officer' })
    zhenqiaoOfficer = await loginAs(app, platform, { role: 'township', jurisdiction: zhenqiao })
  })
  afterAll(async () => {
    await app?.close()
    await platform?.close()
  })

  describe('create, read, edit, delete', () => {
    it('registers an enterprise from {uscc, name, divisionCode}, in lower case with spaces, and audits it', async () => {
      const uscc = nextUscc()
      const res = await call(duty, 'POST', base, { uscc: ` ${uscc.toLowerCase().slice(0, 9)} ${uscc.toLowerCase().slice(9)}`, name: '乐平市测试化工有限公司', divisionCode: zhenqiao })
      expect(res.statusCode).toBe(201)
      const body = res.json()
      expect(body).toMatchObject({
        uscc, name: '乐平市测试化工有限公司', divisionCode: '360281100000', divisionName: '镇桥镇',
        supervisionCategory: 'other', status: 'operating', majorHazardLevel: null, unitCount: 0, units: [], synthetic: false, contacts: [],
      })
      expect(await auditOf(body.id)).toEqual([expect.objectContaining({ action: 'enterprise.create', actor_id: duty.user.id })])
    })

    it('answers 400 naming body.uscc with the GB 32100 reason for a wrong check character', async () => {
      const good = nextUscc()
      const wrong = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0')
      const res = await call(duty, 'POST', base, { uscc: wrong, name: '甲', divisionCode: zhenqiao })
      expect(res.statusCode).toBe(400)
      expect(res.json().error).toEqual({
        code: 'invalid_uscc', field: 'body.uscc',
        message: '校验码错误，请核对代码是否录入有误',
        messageEn: 'The check character (position 18) does not match; the code was probably mistyped',
      })
      const short = await call(duty, 'POST', base, { uscc: '91360281', name: '甲', divisionCode: zhenqiao })
      expect(short.json().error).toMatchObject({ field: 'body.uscc', message: '统一社会信用代码应为18位，实际为8位' })
    })

    it('answers 409 to a USCC already registered, and 400 to a division that does not exist', async () => {
      const first = await create(duty, { name: '甲公司', divisionCode: zhenqiao })
      const again = await call(duty, 'POST', base, { uscc: first.uscc, name: '乙公司', divisionCode: zhenqiao })
      expect(again.statusCode).toBe(409)
      expect(again.json().error).toMatchObject({ code: 'uscc_taken', field: 'body.uscc' })
      const nowhere = await call(duty, 'POST', base, { uscc: nextUscc(), name: '丙公司', divisionCode: '360281100999' })
      expect(nowhere.statusCode).toBe(400)
      expect(nowhere.json().error).toMatchObject({ code: 'unknown_division_code', field: 'body.divisionCode' })
      const unknownField = await call(duty, 'POST', base, { uscc: nextUscc(), name: '丁公司', divisionCode: zhenqiao, colour: 'red' })
      expect(unknownField.json().error.field).toBe('body.colour')
    })

    it('clears optional fields sent as null in a PATCH (what the web form sends for an emptied field)', async () => {
      const created = await create(duty, { name: '清空测试公司', divisionCode: zhenqiao, address: '乐平市某路 1 号', industryCode: 'C2614', employees: 12, location: { lon: 117.2, lat: 28.95 } })
      const cleared = await call(duty, 'PATCH', `${base}/${created.id}`, { address: null, industryCode: null, employees: null, location: null })
      expect(cleared.statusCode, cleared.body).toBe(200)
      expect((await call(duty, 'GET', `${base}/${created.id}`)).json()).toMatchObject({ address: null, industryCode: null, employees: null, location: null })
    })

    it('edits and deletes, keeping before and after in the audit log', async () => {
      const created = await create(duty, { name: '待改公司', divisionCode: zhenqiao })
      const patched = await call(duty, 'PATCH', `${base}/${created.id}`, {
        name: '已改公司', supervisionCategory: 'fireworks', location: { lon: 117.2, lat: 28.95 },
        contacts: [{ name: '王建国', role: '安全负责人', phone: '13900000000' }], employees: 30, standardizationLevel: 'level2', status: 'suspended',
      })
      expect(patched.statusCode, patched.body).toBe(200)
      expect(patched.json()).toMatchObject({ name: '已改公司', supervisionCategory: 'fireworks', location: { lon: 117.2, lat: 28.95 }, employees: 30, standardizationLevel: 'level2', status: 'suspended' })
      expect((await call(duty, 'GET', `${base}/${created.id}`)).json().contacts).toEqual([{ name: '王建国', role: '安全负责人', phone: '13900000000' }])
      expect((await call(duty, 'DELETE', `${base}/${created.id}`)).statusCode).toBe(204)
      expect((await call(duty, 'GET', `${base}/${created.id}`)).statusCode).toBe(404)
      const audit = await auditOf(created.id)
      expect(audit.map((a) => a.action)).toEqual(['enterprise.create', 'enterprise.update', 'enterprise.delete'])
      expect(audit[1]).toMatchObject({ before: { name: '待改公司' }, after: { name: '已改公司', status: 'suspended' } })
    })
  })

  describe('list, filters, pagination, map', () => {
    it('filters by name, division, category and pages through the result', async () => {
      for (const n of [1, 2, 3]) await create(duty, { name: `翻页测试${n}号烟花厂`, divisionCode: legang, supervisionCategory: 'fireworks' })
      await create(duty, { name: '翻页测试4号钢厂', divisionCode: legang, supervisionCategory: 'metallurgy_trade' })
      const page1 = (await call(duty, 'GET', `${base}?q=翻页测试&category=fireworks&divisionCode=${legang}&pageSize=2`)).json()
      expect(page1).toMatchObject({ total: 3, page: 1, pageSize: 2 })
      expect(page1.items.map((e: { name: string }) => e.name)).toEqual(['翻页测试1号烟花厂', '翻页测试2号烟花厂'])
      const page2 = (await call(duty, 'GET', `${base}?q=翻页测试&category=fireworks&pageSize=2&page=2`)).json()
      expect(page2.items.map((e: { name: string }) => e.name)).toEqual(['翻页测试3号烟花厂'])
      expect((await call(duty, 'GET', `${base}?q=翻页测试&divisionCode=${zhenqiao}`)).json().total).toBe(0)
      const byCode = (await call(duty, 'GET', `${base}?q=${page1.items[0].uscc.slice(0, 16)}`)).json()
      expect(byCode.items.map((e: { id: string }) => e.id)).toContain(page1.items[0].id)
    })

    it('lists the ~60 synthetic demo enterprises with major hazards of several levels, and maps them', async () => {
      const demo = (await call(duty, 'GET', `${base}?divisionCode=360281401&pageSize=200`)).json()
      expect(demo.total).toBeGreaterThanOrEqual(20)
      expect(demo.items.every((e: { synthetic: boolean; divisionName: string }) => e.synthetic && e.divisionName === '江西乐平工业园虚拟社区')).toBe(true)
      const majors = (await call(duty, 'GET', `${base}?majorHazard=true&pageSize=200`)).json()
      const levels = new Set(majors.items.map((e: { majorHazardLevel: number }) => e.majorHazardLevel))
      expect(levels.size).toBeGreaterThanOrEqual(3)
      const level1 = (await call(duty, 'GET', `${base}?majorHazardLevel=1`)).json()
      expect(level1.total).toBeGreaterThan(0)
      const map = (await call(duty, 'GET', `${base}/map?category=hazchem_production`)).json()
      expect(map.type).toBe('FeatureCollection')
      expect(map.features.length).toBeGreaterThanOrEqual(18)
      const [feature] = map.features
      expect(Object.keys(feature.properties).sort()).toEqual(['category', 'id', 'majorHazardLevel', 'name', 'status'])
      expect(feature.geometry.coordinates[0]).toBeCloseTo(117.1, 0)
    })

    it('answers 400 naming the query field for a bad filter', async () => {
      expect((await call(duty, 'GET', `${base}?divisionCode=12`)).json().error.field).toBe('querystring.divisionCode')
      expect((await call(duty, 'GET', `${base}?category=bakery`)).statusCode).toBe(400)
    })
  })

  describe('GB 18218 grading', () => {
    it('assesses the worked example: SO2 200 t, 60 people exposed → R = 30, 三级', async () => {
      const res = await call(zhenqiaoOfficer, 'POST', '/api/registry/major-hazard/assess', { exposedPeople: 60, substances: [{ name: '二氧化硫', quantityT: 200 }] })
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({ sumRatio: 10, isMajor: true, alpha: 1.5, R: 30, level: 3, levelName: '三级', levelNameEn: 'Level 3' })
      expect(res.json().substances[0]).toMatchObject({ criticalQuantityT: 20, beta: 2, ratio: 10, table1Row: 4 })
    })

    it('lets any signed-in user assess; not major below S = 1', async () => {
      const village = await loginAs(app, platform, { role: 'village', jurisdiction: '360281100201' })
      const res = await call(village, 'POST', '/api/registry/major-hazard/assess', { exposedPeople: 0, substances: [{ cas: '7782-50-5', quantityT: 4.9 }] })
      expect(res.json()).toMatchObject({ isMajor: false, level: null, levelName: null })
      expect((await call(null, 'POST', '/api/registry/major-hazard/assess', { exposedPeople: 0, substances: [] })).statusCode).toBe(401)
    })

    it('answers 400 naming the unknown substance, e.g. body.substances.2.name', async () => {
      const res = await call(duty, 'POST', '/api/registry/major-hazard/assess', {
        exposedPeople: 10, substances: [{ name: '液氯', quantityT: 1 }, { cas: '7664-41-7', quantityT: 1 }, { name: '神秘液体', quantityT: 3 }],
      })
      expect(res.statusCode).toBe(400)
      expect(res.json().error).toMatchObject({ code: 'unknown_substance', field: 'body.substances.2.name' })
      expect(res.json().error.message).toContain('神秘液体')
    })

    it('recomputes the unit and the enterprise grade on every unit change, with an outbox event', async () => {
      const enterprise = await create(duty, { name: '氯碱测试公司', divisionCode: park })
      const unitsUrl = `${base}/${enterprise.id}/units`
      const added = await call(duty, 'POST', unitsUrl, { name: '液氯储罐区', kind: 'storage', exposedPeople: 60, substances: [{ cas: '7782-50-5', name: '液氯', quantityT: 150 }] })
      expect(added.statusCode, added.body).toBe(201)
      // S = 150/5 = 30; R = 1.5 × 4 × 30 = 180 → 一级
      expect(added.json()).toMatchObject({ sumRatio: 30, isMajor: true, alpha: 1.5, R: 180, level: 1, levelName: '一级' })
      expect(added.json().substances[0]).toMatchObject({ resolvedName: '氯', criticalQuantityT: 5, beta: 4, ratio: 30 })
      expect((await call(duty, 'GET', `${base}/${enterprise.id}`)).json()).toMatchObject({ majorHazardLevel: 1, unitCount: 1 })

      const unitUrl = `${unitsUrl}/${added.json().id}`
      const smaller = await call(duty, 'PATCH', unitUrl, { substances: [{ cas: '7782-50-5', quantityT: 10 }], exposedPeople: 20 })
      // S = 2; R = 1.0 × 4 × 2 = 8 → 四级
      expect(smaller.json()).toMatchObject({ sumRatio: 2, alpha: 1, R: 8, level: 4 })
      expect((await call(duty, 'GET', `${base}/${enterprise.id}`)).json().majorHazardLevel).toBe(4)

      const bad = await call(duty, 'PATCH', unitUrl, { substances: [{ cas: '7782-50-5', quantityT: 1 }, { name: '神秘液体', quantityT: 1 }] })
      expect(bad.json().error.field).toBe('body.substances.1.name')
      expect((await call(duty, 'GET', unitUrl)).json().level).toBe(4)

      expect((await call(duty, 'DELETE', unitUrl)).statusCode).toBe(204)
      expect((await call(duty, 'GET', `${base}/${enterprise.id}`)).json()).toMatchObject({ majorHazardLevel: null, unitCount: 0 })

      const events = await queryRows<{ payload: { before: number | null; after: number | null } }>(platform.db, sql`
        SELECT payload FROM events.outbox WHERE topic = 'registry.major_hazard_level_changed' AND payload->>'enterpriseId' = ${enterprise.id} ORDER BY seq`)
      expect(events.map((e) => [e.payload.before, e.payload.after])).toEqual([[null, 1], [1, 4], [4, null]])
      const audit = await queryRows<{ action: string }>(platform.db, sql`SELECT action FROM auth.audit_log WHERE entity = 'hazard_unit' AND entity_id = ${added.json().id} ORDER BY id`)
      expect(audit.map((a) => a.action)).toEqual(['hazard_unit.create', 'hazard_unit.update', 'hazard_unit.delete'])
    })

    it('refuses a second unit with the same name (409)', async () => {
      const enterprise = await create(duty, { name: '重名单元公司', divisionCode: park })
      const unit = { name: '罐区', kind: 'storage', exposedPeople: 0, substances: [] }
      expect((await call(duty, 'POST', `${base}/${enterprise.id}/units`, unit)).statusCode).toBe(201)
      expect((await call(duty, 'POST', `${base}/${enterprise.id}/units`, unit)).json().error).toMatchObject({ code: 'unit_name_taken', field: 'body.name' })
    })
  })

  describe('jurisdiction', () => {
    it('a township officer sees and creates only within the township', async () => {
      const own = await create(zhenqiaoOfficer, { name: '镇桥辖区公司', divisionCode: '360281100201' })
      const other = await create(duty, { name: '乐港辖区公司', divisionCode: legang })
      const list = (await call(zhenqiaoOfficer, 'GET', `${base}?pageSize=200`)).json()
      expect(list.items.every((e: { divisionCode: string }) => e.divisionCode.startsWith(zhenqiao))).toBe(true)
      expect(list.items.map((e: { id: string }) => e.id)).toContain(own.id)
      expect((await call(zhenqiaoOfficer, 'GET', `${base}/${other.id}`)).statusCode).toBe(403)
      expect((await call(zhenqiaoOfficer, 'PATCH', `${base}/${other.id}`, { name: 'x' })).statusCode).toBe(403)
      expect((await call(zhenqiaoOfficer, 'DELETE', `${base}/${other.id}`)).statusCode).toBe(403)
      expect((await call(zhenqiaoOfficer, 'GET', `${base}?divisionCode=${legang}`)).statusCode).toBe(403)
      const outside = await call(zhenqiaoOfficer, 'POST', base, { uscc: nextUscc(), name: '越权公司', divisionCode: legang })
      expect(outside.statusCode).toBe(403)
      const moveOut = await call(zhenqiaoOfficer, 'PATCH', `${base}/${own.id}`, { divisionCode: legang })
      expect(moveOut.statusCode).toBe(403)
      const map = (await call(zhenqiaoOfficer, 'GET', `${base}/map`)).json()
      expect(map.features.every((f: { properties: { id: string } }) => f.properties.id !== other.id)).toBe(true)
    })

    it('an enterprise user sees and edits only its own enterprise and cannot create or delete', async () => {
      const own = await create(duty, { name: '企业自管公司', divisionCode: legang })
      const other = await create(duty, { name: '别家公司', divisionCode: legang })
      const user = await loginAs(app, platform, { role: 'enterprise', enterpriseId: own.id, jurisdiction: legang })
      const list = (await call(user, 'GET', base)).json()
      expect(list.total).toBe(1)
      expect(list.items[0].id).toBe(own.id)
      expect((await call(user, 'GET', `${base}/${other.id}`)).statusCode).toBe(403)
      expect((await call(user, 'PATCH', `${base}/${own.id}`, { employees: 88 })).json().employees).toBe(88)
      expect((await call(user, 'PATCH', `${base}/${own.id}`, { uscc: nextUscc() })).json().error).toMatchObject({ code: 'forbidden', field: 'body.uscc' })
      expect((await call(user, 'PATCH', `${base}/${other.id}`, { employees: 1 })).statusCode).toBe(403)
      expect((await call(user, 'POST', `${base}/${own.id}/units`, { name: '仓库', kind: 'storage', exposedPeople: 0, substances: [{ name: '甲醇', quantityT: 5 }] })).statusCode).toBe(201)
      expect((await call(user, 'POST', base, { uscc: nextUscc(), name: '新公司', divisionCode: legang })).statusCode).toBe(403)
      expect((await call(user, 'DELETE', `${base}/${own.id}`)).statusCode).toBe(403)
      const api = await loginAs(app, platform, { role: 'api_client' })
      expect((await call(api, 'GET', `${base}/${own.id}`)).statusCode).toBe(200)
      expect((await call(api, 'PATCH', `${base}/${own.id}`, { employees: 1 })).statusCode).toBe(403)
    })
  })

  describe('Excel', () => {
    const upload = (session: TestSession, payload: Buffer) =>
      app.inject({ method: 'POST', url: `${base}/import`, headers: { ...session.headers, 'content-type': xlsxMediaType }, payload })

    it('serves a template with both sheets and a 说明 sheet', async () => {
      const res = await call(duty, 'GET', `${base}/template`)
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toBe(xlsxMediaType)
      expect(res.headers['content-disposition']).toContain(encodeURIComponent('企业及危险化学品导入模板.xlsx'))
      const { loadWorkbook } = await import('../../../excel/workbook.ts')
      const workbook = await loadWorkbook(res.rawPayload)
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['企业', '生产储存单元', '说明'])
      expect(workbook.getWorksheet('企业')!.getCell('A1').value).toBe('统一社会信用代码*')
    })

    it('a file with wrong rows imports nothing and reports every error with sheet, row and column', async () => {
      const { loadWorkbook } = await import('../../../excel/workbook.ts')
      const workbook = await loadWorkbook((await call(duty, 'GET', `${base}/template`)).rawPayload)
      const good = nextUscc()
      const badCheck = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0')
      const sheet = workbook.getWorksheet('企业')!
      sheet.getRow(3).values = [good, '导入甲公司', zhenqiao, '危险化学品生产']
      sheet.getRow(4).values = [badCheck, '导入乙公司', zhenqiao, '危险化学品生产']
      sheet.getRow(5).values = [good, '导入丙公司', '360281100999', '面包店']
      sheet.getRow(6).values = [nextUscc(), null, legang, '其他', 'X99']
      const units = workbook.getWorksheet('生产储存单元')!
      units.getRow(3).values = [good, '罐区', '储存单元', 10, '神秘液体', null, null, '否', 5]
      units.getRow(4).values = [usccFor(999_999), '罐区', '储存单元', 10, '液氯', null, null, '否', 5]
      units.getRow(5).values = [good, '罐区', '生产单元', 12, '甲醇', null, null, '否', null]
      const before = (await call(duty, 'GET', `${base}?pageSize=1`)).json().total
      const res = await upload(duty, Buffer.from(await workbook.xlsx.writeBuffer()))
      expect(res.statusCode).toBe(400)
      const error = res.json().error
      expect(error).toMatchObject({ code: 'import_rows_invalid', field: 'body' })
      const brief = error.details.map((d: { sheet: string; row: number; column: string }) => `${d.sheet}!${d.row} ${d.column}`)
      expect(brief).toEqual([
        '企业!4 统一社会信用代码',
        '企业!5 监管类别',
        '企业!5 统一社会信用代码',
        '企业!5 行政区划代码',
        '企业!6 企业名称',
        '企业!6 行业代码',
        '生产储存单元!3 危险化学品名称',
        '生产储存单元!4 统一社会信用代码',
        '生产储存单元!5 最大存量（吨）',
        '生产储存单元!5 单元类型',
        '生产储存单元!5 厂外暴露人数',
      ])
      expect(error.details[0].message).toBe('校验码错误，请核对代码是否录入有误')
      expect(error.details[2].message).toBe('与第 3 行的信用代码重复')
      expect(error.details[3].message).toBe('行政区划代码 360281100999 不存在')
      expect(error.details[6].message).toContain('神秘液体')
      expect(error.details[1].message).toBe('“面包店”不是可选值，应为：危险化学品生产、危险化学品经营、危险化学品使用、烟花爆竹、非煤矿山、尾矿库、冶金工贸、其他')
      expect(error.message).toBe(`导入文件有 ${brief.length} 处错误，未导入任何数据（第 4 行“统一社会信用代码”：校验码错误，请核对代码是否录入有误）`)
      expect((await call(duty, 'GET', `${base}?pageSize=1`)).json().total).toBe(before)
    })

    it('round trip: the industrial park exported, removed and imported again comes back the same', async () => {
      const listPark = async () => (await call(duty, 'GET', `${base}?divisionCode=360281401&pageSize=200`)).json()
      const stable = async (items: { id: string }[]) => Promise.all(items.map(async (e) => {
        const { id: _id, createdAt: _c, updatedAt: _u, synthetic: _s, units, ...rest } = (await call(duty, 'GET', `${base}/${e.id}`)).json()
        return { ...rest, units: units.map(({ id: _i, enterpriseId: _e, createdAt: _cc, updatedAt: _uu, synthetic: _ss, ...u }: Record<string, unknown>) => u) }
      }))
      const before = await listPark()
      expect(before.total).toBeGreaterThan(20)
      const expected = await stable(before.items)
      const exported = await call(duty, 'GET', `${base}/export?divisionCode=360281401`)
      expect(exported.statusCode).toBe(200)
      await platform.db.execute(sql`DELETE FROM registry.enterprises WHERE division_code LIKE '360281401%'`)
      expect((await listPark()).total).toBe(0)

      const res = await upload(duty, exported.rawPayload)
      expect(res.statusCode, res.body).toBe(200)
      const unitCount = expected.reduce((n, e) => n + e.units.length, 0)
      expect(res.json()).toEqual({ imported: before.total, created: before.total, updated: 0, units: unitCount })
      const after = await listPark()
      expect(await stable(after.items)).toEqual(expected)

      // The same file again updates in place.
      const again = await upload(duty, exported.rawPayload)
      expect(again.json()).toEqual({ imported: before.total, created: 0, updated: before.total, units: unitCount })
      const audit = await queryRows<{ after: { imported: number } }>(platform.db, sql`SELECT after FROM auth.audit_log WHERE action = 'enterprise.import' ORDER BY id`)
      expect(audit.map((a) => a.after.imported)).toEqual([before.total, before.total])
    })

    it('refuses an import by a township officer of rows outside the township, and a non-xlsx body', async () => {
      const { exportWorkbook } = await import('../../../excel/workbook.ts')
      const { enterpriseSheets } = await import('./sheets.ts')
      const file = await exportWorkbook([{ ...enterpriseSheets[0]!, rows: [{ uscc: nextUscc(), name: '外镇公司', divisionCode: legang, supervisionCategory: 'other' }] }])
      const res = await upload(zhenqiaoOfficer, file)
      expect(res.json().error.details).toEqual([expect.objectContaining({ row: 3, column: '行政区划代码', message: '行政区划 360281101000 不在您的管辖范围内' })])
      const junk = await upload(duty, Buffer.from('not a workbook'))
      expect(junk.json().error).toMatchObject({ code: 'invalid_xlsx', field: 'body' })
    })
  })
})
