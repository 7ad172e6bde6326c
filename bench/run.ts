/**
 * `npm run bench -- [name…]`: runs the named benchmarks (a file `bench/<name>.ts` exporting
 * `run()`), or all of them when no name is given. Each prints its figures and their ratio to
 * a baseline measured in the same run; the latest figures are kept in docs/PERFORMANCE.md.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export interface Benchmark {
  /** One line saying what is measured. */
  description: string
  run(): Promise<void>
}

const benchDir = path.dirname(fileURLToPath(import.meta.url))

/** Every `bench/<name>.ts` except this dispatcher and tests. */
export function listBenchmarks(dir = benchDir): string[] {
  return fs.readdirSync(dir)
    .filter((file) => file.endsWith('.ts') && file !== 'run.ts' && !file.endsWith('.test.ts'))
    .map((file) => file.slice(0, -'.ts'.length))
    .sort()
}

/** Short names for benchmarks whose file name says more */
const aliases: Record<string, string> = { rules: 'ruleEngine', 'registry-import': 'registryImport' }

async function main(given: string[]): Promise<number> {
  const args = given.map((name) => aliases[name] ?? name)
  const known = listBenchmarks()
  const unknown = args.filter((name) => !known.includes(name))
  if (unknown.length > 0) {
    console.error(`未知的基准 Unknown benchmark: ${unknown.join(', ')}\n可用 Available: ${known.join(', ')}`)
    return 2
  }
  for (const name of args.length > 0 ? args : known) {
    const bench = (await import(path.join(benchDir, `${name}.ts`))) as Benchmark
    console.log(`\n## ${name}: ${bench.description}\n`)
    await bench.run()
  }
  return 0
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2))
}
