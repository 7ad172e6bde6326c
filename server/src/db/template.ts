/**
 * The prepared-database template: a migrated and seeded embedded database, dumped once and
 * loaded into every new data folder — PostgreSQL's template1 idea for PGlite. Opening a fresh
 * PGlite folder and creating PostGIS costs ~9 s on 2 cores; loading the template ~3–5 s.
 * `npm install` builds it (postinstall → `yingji template`); the test suite uses the same one.
 * It is keyed by a hash of everything that shapes the prepared database, so a change to a
 * migration, seed or dataset makes a new one.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { repoRoot } from '../config.ts'

export const templateDir = path.join(repoRoot, 'node_modules', '.cache', 'yingji')

/** Sources whose change changes the prepared database. */
const shapingSources = ['server/migrations', 'server/src/modules', 'domain/src', 'datasets']

export function templateKey(): string {
  const hash = crypto.createHash('sha256')
  for (const dir of shapingSources) {
    for (const file of walk(path.join(repoRoot, dir))) {
      if (file.endsWith('.test.ts')) continue
      hash.update(path.relative(repoRoot, file)).update(fs.readFileSync(file))
    }
  }
  return hash.digest('hex').slice(0, 16)
}

export const templatePath = (key = templateKey()): string => path.join(templateDir, `template-${key}.tar.gz`)

/** The current template, if built. */
export function readTemplate(key?: string): Blob | undefined {
  const file = templatePath(key)
  return fs.existsSync(file) ? new Blob([fs.readFileSync(file)]) : undefined
}

/** Writes a template atomically (several processes may build one at once) and drops stale ones
 * (older than an hour, so a test run still reading its own is left alone). */
export async function writeTemplate(dump: Blob, key = templateKey()): Promise<string> {
  fs.mkdirSync(templateDir, { recursive: true })
  const file = templatePath(key)
  const tmp = `${file}.${process.pid}.tmp`
  fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()))
  fs.renameSync(tmp, file)
  for (const old of fs.readdirSync(templateDir)) {
    const oldFile = path.join(templateDir, old)
    if (old.startsWith('template-') && oldFile !== file && Date.now() - fs.statSync(oldFile).mtimeMs > 3_600_000) {
      fs.rmSync(oldFile, { force: true })
    }
  }
  return file
}

/** Whether an embedded data folder has no database yet. */
export const isNewDataDir = (dataDir: string): boolean => !fs.existsSync(path.join(dataDir, 'PG_VERSION'))

function* walk(dir: string): Generator<string> {
  if (!fs.existsSync(dir)) return
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* walk(full)
    else yield full
  }
}
