/**
 * Cold start to healthy: the real CLI (`node server/bin/yingji.mjs start`) is spawned and
 * `GET /api/health` polled until 200. Cases: embedded database in a fresh data folder
 * (migrations + Leping seed) and in an existing one; PostgreSQL server in a scratch database,
 * empty and then prepared. Baseline, measured in the same run: the bare floor of a Node process
 * opening PGlite with PostGIS in a fresh folder (`PGlite.create` + `CREATE EXTENSION postgis`).
 * The goal: embedded cold start ≤ 10 s.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { formatFigures, median, type Figure } from './lib/report.ts'
import { answers200, freePort, spawnUntilReady, stopProcess } from './lib/serverProcess.ts'
import { buildTemplate } from '../server/src/platform.ts'
import { adminQuery, adminUrl, databaseUrl, serverReachable } from './lib/postgresServer.ts'

export const description = 'cold and warm start of the real CLI to a healthy /api/health, against the PGlite + PostGIS floor'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const coldRuns = 2
const warmRuns = 3
const embeddedGoalMs = 10_000


const floorScript = `
const { PGlite } = await import('@electric-sql/pglite')
const { postgis } = await import('@electric-sql/pglite-postgis')
const db = await PGlite.create({ dataDir: process.env.FLOOR_DATA_DIR, extensions: { postgis } })
await db.exec('CREATE EXTENSION postgis')
console.log('floor-ready')
await db.close()
`

function tempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `yingji-bench-${label}-`))
}

/** Spawn → PGlite with PostGIS open in a fresh folder. */
async function measureFloor(): Promise<number> {
  const dataDir = tempDir('floor')
  try {
    const started = await spawnUntilReady(process.execPath, ['--input-type=module', '-e', floorScript], {
      cwd: repoRoot,
      env: { ...process.env, FLOOR_DATA_DIR: dataDir },
      ready: (output) => output.includes('floor-ready'),
    })
    await new Promise((resolve) => started.child.once('exit', resolve))
    return started.ms
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

/** Spawn the CLI → `/api/health` answers 200; then stop it cleanly. */
async function measureStart(env: { dataDir: string; databaseUrl?: string; noTemplate?: boolean }): Promise<number> {
  const port = await freePort()
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    YINGJI_DATA_DIR: env.dataDir,
    YINGJI_SIMULATE: '0',
    LOG_LEVEL: 'warn',
  }
  delete childEnv.DATABASE_URL
  if (env.noTemplate) childEnv.YINGJI_TEMPLATE = '0'
  if (env.databaseUrl) childEnv.DATABASE_URL = env.databaseUrl
  const started = await spawnUntilReady(process.execPath, ['server/bin/yingji.mjs', 'start'], {
    cwd: repoRoot,
    env: childEnv,
    ready: () => answers200(`http://127.0.0.1:${port}/api/health`),
  })
  await stopProcess(started.child)
  return started.ms
}

async function times(runs: number, measure: () => Promise<number>): Promise<number[]> {
  const result: number[] = []
  for (let i = 0; i < runs; i++) result.push(await measure())
  return result
}

/** The server serves the built web app and builds it when missing: do that outside the timing. */
function ensureWebBuild(): void {
  if (fs.existsSync(path.join(repoRoot, 'web', 'dist', 'index.html'))) {
    console.log('web/dist exists: the web build is not part of any figure.')
    return
  }
  const t0 = performance.now()
  const result = spawnSync('npm', ['run', 'build', '-w', 'web'], { cwd: repoRoot, stdio: 'inherit' })
  if (result.status !== 0) throw new Error('web build failed')
  console.log(`web build: ${Math.round(performance.now() - t0)} ms (once, before timing; excluded from the figures)`)
}

async function measureServerCases(): Promise<Figure[]> {
  const unreachable = await serverReachable()
  if (unreachable) {
    const note = `no PostgreSQL server at ${adminUrl} (${unreachable})`
    console.warn(`SKIPPED the PostgreSQL server cases: ${note}`)
    return [{ name: 'server cold', runs: null, note }, { name: 'server warm', runs: null, note }]
  }
  const name = `yingji_bench_${process.pid}`
  const url = databaseUrl(name)
  // A dummy folder: with DATABASE_URL the server keeps no data of its own there.
  const dataDir = tempDir('server')
  const cold: number[] = []
  try {
    for (let i = 0; i < coldRuns; i++) {
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await adminQuery(`CREATE DATABASE ${name}`)
      cold.push(await measureStart({ dataDir, databaseUrl: url }))
    }
    const warm = await times(warmRuns, () => measureStart({ dataDir, databaseUrl: url }))
    return [
      { name: 'server cold', runs: cold, note: 'PostgreSQL server, empty scratch database: migrations + Leping seed' },
      { name: 'server warm', runs: warm, note: 'PostgreSQL server, prepared database' },
    ]
  } finally {
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

export async function run(): Promise<void> {
  ensureWebBuild()
  console.log(`machine: ${os.cpus().length} cores, Node ${process.versions.node}, load average ${os.loadavg()[0]!.toFixed(1)}; cold ×${coldRuns}, warm ×${warmRuns} (medians)\n`)

  const baseline: Figure = {
    name: 'floor: PGlite + PostGIS',
    runs: await times(coldRuns, measureFloor),
    note: 'node process, PGlite.create in a fresh folder, CREATE EXTENSION postgis',
  }

  // First start after `npm install` (which built the prepared template), and without it.
  const templatePath = await buildTemplate()
  const coldStarts = async (noTemplate: boolean) => times(coldRuns, async () => {
    const dataDir = tempDir('cold')
    try {
      return await measureStart({ dataDir, noTemplate })
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })
  const embeddedCold = await coldStarts(false)
  const embeddedColdBare = await coldStarts(true)
  const warmDir = tempDir('warm')
  let embeddedWarm: number[]
  try {
    await measureStart({ dataDir: warmDir })
    embeddedWarm = await times(warmRuns, () => measureStart({ dataDir: warmDir }))
  } finally {
    fs.rmSync(warmDir, { recursive: true, force: true })
  }

  const figures: Figure[] = [
    { name: 'embedded cold', runs: embeddedCold, note: `fresh data folder from the prepared template (${path.basename(templatePath)}, built by npm install)` },
    { name: 'embedded cold, no template', runs: embeddedColdBare, note: 'YINGJI_TEMPLATE=0: initdb, CREATE EXTENSION postgis, migrations, Leping and demo seeds' },
    { name: 'embedded warm', runs: embeddedWarm, note: 'existing data folder' },
    ...(await measureServerCases()),
  ]
  console.log(formatFigures(baseline, figures))
  console.log(`load average at the end: ${os.loadavg()[0]!.toFixed(1)}`)
  const cold = median(embeddedCold)
  console.log(`\n${cold <= embeddedGoalMs ? 'OK' : 'OVER GOAL'}: embedded cold start ${Math.round(cold)} ms (goal ≤ ${embeddedGoalMs} ms)`)
}
