/**
 * Excel import of 10,000 enterprises with their hazardous-chemical inventories, through the
 * real service path (`importEnterprises`: parse, check every row, one transaction of
 * multi-row statements), on the embedded database and on a PostgreSQL server when one is
 * reachable. Baseline, measured in the same run on the same database: the same checked rows
 * written row by row (one INSERT per enterprise and one per unit, in one transaction).
 */
import crypto from 'node:crypto'
import os from 'node:os'
import { performance } from 'node:perf_hooks'
import { sql } from 'drizzle-orm'
import type { Queryable } from '../server/src/db/database.ts'
import { queryRows } from '../server/src/db/rows.ts'
import { exportWorkbook } from '../server/src/excel/workbook.ts'
import type { Actor } from '../server/src/http/access.ts'
import { loadConfig } from '../server/src/config.ts'
import { closePlatform, createPlatform, type Platform } from '../server/src/platform.ts'
import { randomStream } from '@yingji/domain/geo/seededRandom'
import { gradeColumns, tryGrade } from '../server/src/modules/registry/enterprises/grading.ts'
import { importEnterprises, parseEnterpriseWorkbook, type ParsedWorkbook } from '../server/src/modules/registry/enterprises/importer.ts'
import { enterpriseSheets } from '../server/src/modules/registry/enterprises/sheets.ts'
import { usccFor } from '../server/src/modules/registry/enterprises/usccFor.ts'
import { formatFigures, type Figure } from './lib/report.ts'
import { adminQuery, adminUrl, databaseUrl, serverReachable } from './lib/postgresServer.ts'

export const description = 'import 10,000 enterprises with inventories from .xlsx (real service path) against row-by-row INSERTs'

const enterpriseCount = 10_000
const runs = 2

const actor: Actor = { kind: 'user', id: crypto.randomUUID(), name: 'bench', role: 'admin', jurisdiction: '360281000000', enterpriseId: null }

const townships = ['360281001', '360281002', '360281100', '360281101', '360281102', '360281103', '360281104', '360281105', '360281106', '360281107',
  '360281108', '360281109', '360281110', '360281111', '360281112', '360281113', '360281114', '360281200', '360281400', '360281401']
const inventories = [
  [{ substanceName: '液氯', cas: '7782-50-5', lo: 1, hi: 80 }],
  [{ substanceName: '液氨', cas: '7664-41-7', lo: 2, hi: 200 }],
  [{ substanceName: '甲醇', cas: '67-56-1', lo: 50, hi: 3000 }, { substanceName: '乙醇', cas: '64-17-5', lo: 10, hi: 500 }],
  [{ substanceName: '液化石油气', cas: null, lo: 5, hi: 300 }],
  [{ substanceName: '汽油', cas: null, lo: 10, hi: 150 }, { substanceName: '柴油', cas: null, category: 'W5.4', lo: 10, hi: 150 }],
  [{ substanceName: '苯', cas: '71-43-2', lo: 5, hi: 300 }],
] as const

/** The workbook a bureau would upload: 10,000 enterprises, 0–3 units each, 1–2 substances per unit. */
async function buildWorkbook(): Promise<{ buffer: Buffer; unitRows: number }> {
  const random = randomStream(2026, 'bench-registry-import')
  const enterprises: Record<string, unknown>[] = []
  const units: Record<string, unknown>[] = []
  for (let i = 0; i < enterpriseCount; i++) {
    const uscc = usccFor(i, 'BM')
    enterprises.push({
      uscc, name: `基准测试第${i + 1}号化工有限公司`, divisionCode: townships[i % townships.length],
      supervisionCategory: 'hazchem_production', industryCode: 'C2614', address: `乐平市第${i + 1}号`,
      location: [117.0 + random() * 0.4, 28.8 + random() * 0.35], employees: Math.floor(random() * 500),
      standardizationLevel: 'level3', status: 'operating', contactName: '王建国', contactRole: '安全负责人', contactPhone: '13900000000',
    })
    const unitCount = Math.floor(random() * 4)
    for (let u = 0; u < unitCount; u++) {
      const inventory = inventories[Math.floor(random() * inventories.length)]!
      const exposedPeople = Math.floor(random() * 150)
      for (const s of inventory) {
        units.push({
          uscc, unitName: `${u + 1}号${u === 0 ? '罐区' : '车间'}`, kind: u === 0 ? 'storage' : 'production', exposedPeople,
          substanceName: s.substanceName, cas: s.cas, category: 'category' in s ? s.category : null, mixture: false,
          quantityT: Math.round((s.lo + random() * (s.hi - s.lo)) * 10) / 10,
        })
      }
    }
  }
  const [enterpriseSheet, unitSheet] = enterpriseSheets
  const buffer = await exportWorkbook([{ ...enterpriseSheet!, rows: enterprises }, { ...unitSheet!, rows: units }])
  return { buffer, unitRows: units.length }
}

async function clear(q: Queryable): Promise<void> {
  await q.execute(sql`TRUNCATE registry.enterprises CASCADE`)
}

/** The baseline: the same checked rows, one INSERT per enterprise and one per unit. */
async function writeRowByRow(platform: Platform, parsed: ParsedWorkbook): Promise<void> {
  await platform.db.transaction(async (tx) => {
    const ids = new Map<string, string>()
    const divisionOf = new Map(parsed.enterprises.map((e) => [e.uscc, e.division_code]))
    for (const e of parsed.enterprises) {
      const [row] = await queryRows<{ id: string }>(tx, sql`
        INSERT INTO registry.enterprises (uscc, name, industry_code, supervision_category, address, location, division_code,
          contacts, employees, standardization_level, status, synthetic)
        VALUES (${e.uscc}, ${e.name}, ${e.industry_code}, ${e.supervision_category}, ${e.address},
          ${e.lon === null || e.lat === null ? sql`NULL` : sql`ST_SetSRID(ST_MakePoint(${e.lon}, ${e.lat}), 4326)`},
          ${e.division_code}, ${JSON.stringify(e.contacts)}::jsonb, ${e.employees}, ${e.standardization_level}, ${e.status}, ${e.synthetic})
        RETURNING id::text AS id`)
      ids.set(e.uscc, row!.id)
    }
    for (const u of parsed.units) {
      const grade = tryGrade(u.exposedPeople, u.substances)
      if (!grade.ok) throw new Error(grade.message)
      const g = gradeColumns(grade)
      await tx.execute(sql`
        INSERT INTO registry.hazard_units (enterprise_id, division_code, name, kind, exposed_people, substances,
          sum_ratio, is_major, alpha, r_value, level, synthetic)
        VALUES (${ids.get(u.uscc)}::uuid, ${divisionOf.get(u.uscc)}, ${u.name}, ${u.kind}, ${u.exposedPeople},
          ${JSON.stringify(u.substances)}::jsonb, ${g.sum_ratio}, ${g.is_major}, ${g.alpha}, ${g.r_value}, ${g.level}, false)`)
    }
    await tx.execute(sql`
      UPDATE registry.enterprises e SET major_hazard_level = (SELECT min(u.level) FROM registry.hazard_units u WHERE u.enterprise_id = e.id)`)
  })
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now()
  await fn()
  return performance.now() - t0
}

const perSecond = (count: number, ms: number) => Math.round(count / (ms / 1000))

async function measure(label: string, platform: Platform, buffer: Buffer, unitRows: number): Promise<{ baseline: Figure; figures: Figure[] }> {
  const parseRuns: number[] = []
  let parsed: ParsedWorkbook | undefined
  for (let i = 0; i < runs; i++) {
    await clear(platform.db)
    parseRuns.push(await time(async () => { parsed = await parseEnterpriseWorkbook(platform.db, actor, buffer) }))
  }
  const importRuns: number[] = []
  for (let i = 0; i < runs; i++) {
    await clear(platform.db)
    importRuns.push(await time(() => importEnterprises(platform.db, actor, buffer)))
  }
  const [units] = await queryRows<{ n: number }>(platform.db, sql`SELECT count(*)::int AS n FROM registry.hazard_units`)
  const rowRuns: number[] = []
  for (let i = 0; i < runs; i++) {
    await clear(platform.db)
    rowRuns.push(await time(() => writeRowByRow(platform, parsed!)))
  }
  const parseMs = Math.min(...parseRuns)
  const baselineTotal = rowRuns.map((ms) => ms + parseMs)
  const importMs = [...importRuns].sort((a, b) => a - b)[Math.floor(runs / 2)]!
  const baselineMs = [...baselineTotal].sort((a, b) => a - b)[Math.floor(runs / 2)]!
  console.log(`${label}: ${enterpriseCount} enterprises, ${units?.n} units (${unitRows} substance rows); import ${perSecond(enterpriseCount, importMs)} enterprises/s, ` +
    `row-by-row ${perSecond(enterpriseCount, baselineMs)} enterprises/s, ${(baselineMs / importMs).toFixed(1)}× faster; ` +
    `writes alone: ${(Math.min(...rowRuns) / Math.max(1, Math.min(...importRuns) - parseMs)).toFixed(1)}×`)
  return {
    baseline: { name: `${label}: parse + row-by-row INSERTs`, runs: baselineTotal, note: `${perSecond(enterpriseCount, baselineMs)} enterprises/s; one INSERT per enterprise and per unit` },
    figures: [
      { name: `${label}: parse and check only`, runs: parseRuns, note: 'read .xlsx, every cell and row checked, divisions and USCCs looked up' },
      { name: `${label}: import (service)`, runs: importRuns, note: `${perSecond(enterpriseCount, importMs)} enterprises/s; parse + one transaction of multi-row statements` },
    ],
  }
}

export async function run(): Promise<void> {
  const config = { ...loadConfig({}), logLevel: 'silent', simulate: false, adminPassword: undefined }
  console.log(`machine: ${os.cpus().length} cores, Node ${process.versions.node}; ${runs} runs per case (medians)`)
  const t0 = performance.now()
  const { buffer, unitRows } = await buildWorkbook()
  console.log(`workbook: ${(buffer.length / 1024 / 1024).toFixed(1)} MB, ${enterpriseCount} enterprise rows, ${unitRows} unit rows, built in ${Math.round(performance.now() - t0)} ms (not timed)\n`)

  const embedded = await createPlatform({ ...config, databaseUrl: undefined }, { inMemory: true })
  try {
    const { baseline, figures } = await measure('embedded', embedded, buffer, unitRows)
    console.log(formatFigures(baseline, figures))
  } finally {
    await closePlatform(embedded)
  }

  const unreachable = await serverReachable()
  if (unreachable) {
    console.warn(`\nSKIPPED the PostgreSQL server case: no server at ${adminUrl} (${unreachable})`)
    return
  }
  const name = `yingji_bench_import_${process.pid}`
  const url = databaseUrl(name)
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await adminQuery(`CREATE DATABASE ${name}`)
  try {
    const server = await createPlatform({ ...config, databaseUrl: url })
    try {
      const { baseline, figures } = await measure('server', server, buffer, unitRows)
      console.log(`\n${formatFigures(baseline, figures)}`)
    } finally {
      await closePlatform(server)
    }
  } finally {
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  }
}
