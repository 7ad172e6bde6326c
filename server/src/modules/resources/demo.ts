/**
 * Leping's demo resources, loaded by `prepareDatabase` when the module holds no depots and no
 * teams: the catalogue, ten depots with opening stock (some batches near or past expiry, some
 * stock below its minimum), an agreement and a production-capacity reserve, fifteen teams with
 * members (one certificate expiring next month). Every row synthetic. The content is fixed;
 * dates are relative to the day of loading, so "near expiry" stays near.
 */
import { sql } from 'drizzle-orm'
import type { Db, Queryable } from '../../db/database.ts'
import { recordAudit } from '../auth/index.ts'
import { divisionPlaces } from '../geo/index.ts'
import { countAllDepots, insertDepots } from './depots/queries.ts'
import { demoDepots, demoReserves, demoStock, demoSupplies, demoTeams } from './demoData.ts'
import { insertReserve } from './reserves/queries.ts'
import { setMinimum } from './stock/queries.ts'
import { recordMovementIn } from './stock/service.ts'
import { findSuppliesByCodes, insertSupplies } from './supplies/queries.ts'
import { countAllTeams, insertMember, insertTeam } from './teams/queries.ts'

const round6 = (x: number) => Math.round(x * 1e6) / 1e6

/** `YYYY-MM-DD` in China, `days` from now. */
const dayInChina = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10)

async function isEmpty(q: Queryable): Promise<boolean> {
  return (await countAllDepots(q)) === 0 && (await countAllTeams(q)) === 0
}

export async function seedResourcesDemo(db: Db): Promise<void> {
  if (!(await isEmpty(db))) return
  await db.transaction(async (tx) => {
    // Concurrent first starts on a server database: one loads, the others find it loaded.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('resources.seed'))`)
    if (!(await isEmpty(tx))) return

    const divisions = [...new Set([...demoDepots.map((d) => d.division), ...demoTeams.map((t) => t.division), ...demoReserves.map((r) => r.division)])]
    const places = await divisionPlaces(tx, divisions)
    const pointOf = (division: string, [dx, dy]: [number, number]) => {
      const location = places.get(division)?.location
      if (!location) throw new Error(`resources demo: division ${division} has no point (is Leping loaded?)`)
      return { lon: round6(location.lon + dx), lat: round6(location.lat + dy) }
    }

    const knownCodes = new Set((await findSuppliesByCodes(tx, demoSupplies.map((s) => s.code))).map((s) => s.code))
    await insertSupplies(tx, demoSupplies.filter((s) => !knownCodes.has(s.code)).map((s) => ({
      code: s.code, name: s.name, category: s.category, unit: s.unit, spec: s.spec ?? null, shelf_life_months: s.shelfLifeMonths ?? null,
      division_code: '360281000000', synthetic: true,
    })))
    const supplyIds = new Map((await findSuppliesByCodes(tx, demoSupplies.map((s) => s.code))).map((s) => [s.code, s.id]))
    const supplyId = (code: string) => supplyIds.get(code) ?? (() => { throw new Error(`resources demo: no supply ${code}`) })()

    const depotIds = new Map<string, string>()
    for (const d of demoDepots) {
      const at = pointOf(d.division, d.offset)
      const [id] = await insertDepots(tx, [{
        level: d.level, name: d.name, division_code: d.division, lon: at.lon, lat: at.lat, address: null,
        manager: d.manager, phone: d.phone, capacity_note: d.capacityNote, synthetic: true,
      }])
      depotIds.set(d.key, id!)
    }

    const opening = new Date(Date.now() - 30 * 86400_000)
    let movements = 0
    for (const [key, lines] of Object.entries(demoStock)) {
      const depotId = depotIds.get(key)!
      for (const [index, [code, quantity, expiresInDays, minimum]] of lines.entries()) {
        await recordMovementIn(tx, null, {
          kind: 'in', depotId, supplyId: supplyId(code), quantity, reason: '期初库存（演示数据）',
          documentNo: `RK-DEMO-${key.toUpperCase()}-${String(index + 1).padStart(2, '0')}`,
          ...(expiresInDays === undefined ? {} : { batchExpiry: dayInChina(expiresInDays) }),
        }, opening, { synthetic: true })
        if (minimum !== undefined) await setMinimum(tx, depotId, supplyId(code), minimum)
        movements++
      }
    }
    // A little history: quilts handed out, life jackets sent from the city to 鸬鹚乡.
    const lastWeek = new Date(Date.now() - 7 * 86400_000)
    await recordMovementIn(tx, null, {
      kind: 'out', depotId: depotIds.get('zhenqiao')!, supplyId: supplyId('SH-MB-01'), quantity: 10, reason: '发放受灾群众（演示数据）', documentNo: 'CK-DEMO-ZHENQIAO-01',
    }, lastWeek, { synthetic: true })
    await recordMovementIn(tx, null, {
      kind: 'transfer', depotId: depotIds.get('city')!, toDepotId: depotIds.get('lusi')!, supplyId: supplyId('QX-JSY-01'), quantity: 20,
      reason: '汛前补充（演示数据）', documentNo: 'DB-DEMO-LUSI-01',
    }, lastWeek, { synthetic: true })
    movements += 2

    for (const r of demoReserves) {
      await insertReserve(tx, {
        kind: r.kind, supplier_name: r.supplierName, enterprise_id: null, division_code: r.division, contact_name: r.contactName,
        contact_phone: r.contactPhone, response_hours: r.responseHours,
        contract_start: r.contract ? dayInChina(r.contract[0]) : null, contract_end: r.contract ? dayInChina(r.contract[1]) : null,
        note: r.note, synthetic: true,
        items: r.items.map((item) => {
          const supply = item.code ? demoSupplies.find((s) => s.code === item.code)! : null
          return { supply_id: item.code ? supplyId(item.code) : null, item_name: supply?.name ?? item.name!, unit: supply?.unit ?? item.unit!, quantity: item.quantity }
        }),
      })
    }

    let members = 0
    for (const t of demoTeams) {
      const at = pointOf(t.division, t.offset)
      const teamId = await insertTeam(tx, {
        name: t.name, type: t.type, level: t.level, division_code: t.division, enterprise_id: null, lon: at.lon, lat: at.lat,
        base_address: t.baseAddress, leader_name: t.leader, leader_phone: t.phone, headcount: t.headcount, status: t.status,
        capabilities: t.capabilities, equipment: t.equipment.map(([name, quantity]) => ({ name, quantity })), synthetic: true,
      })
      for (const m of t.members) {
        await insertMember(tx, teamId, {
          name: m.name, phone: null, role: m.role ?? null, skills: m.skills, synthetic: true,
          certificates: m.certificates.map((c) => ({ name: c.name, number: c.number, expires_on: c.expiresInDays === null ? null : dayInChina(c.expiresInDays) })),
        })
        members++
      }
    }

    await recordAudit(tx, {
      actor: null, action: 'resources.seed', entity: 'resources', entityId: '360281000000',
      after: { supplies: demoSupplies.length, depots: demoDepots.length, movements, reserves: demoReserves.length, teams: demoTeams.length, members },
    })
  })
}
