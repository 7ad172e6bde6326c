import path from 'node:path'
import { loadConfig } from './config.ts'
import { buildTemplate } from './platform.ts'
import { AppError } from './http/errors.ts'
import { openDatabase } from './db/database.ts'
import { migrate } from './db/migrate.ts'
import { startServer } from './main.ts'
import { importDivisionsCsv } from './modules/geo/importCsv.ts'
import { importRoadsFile } from './modules/dispatch/roadsImport.ts'

const usage = `用法 Usage: yingji <command>

  start                       启动平台 Start the platform (default)
  migrate                     执行数据库迁移 Apply database migrations
  template                    预制内嵌数据库模板（npm install 时自动执行）
                              Build the prepared embedded-database template (run by npm install)
  divisions import FILE.csv   导入行政区划 Import divisions from a GB/T 2260 code list
  roads import FILE           用 OSM (.osm/.osm.pbf) 或 GeoJSON 路网替换现有路网
                              Replace the road network with an OSM (.osm/.osm.pbf) or GeoJSON extract
`

/** Runs one CLI command; returns the process exit code. */
export async function main(args: string[]): Promise<number> {
  const [command = 'start', ...rest] = args
  const config = loadConfig()
  try {
    switch (command) {
      case 'start':
        await startServer(config)
        return 0
      case 'migrate': {
        const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
        try {
          const applied = await migrate(database)
          console.log(applied.length ? `已执行迁移 Applied: ${applied.join(', ')}` : '数据库已是最新 Database is up to date')
        } finally {
          await database.close()
        }
        return 0
      }
      case 'template': {
        // Best effort: an install must not fail because the template could not be built.
        try {
          const file = await buildTemplate()
          console.log(`内嵌数据库模板已就绪 Embedded database template ready: ${path.relative(process.cwd(), file)}`)
        } catch (error) {
          console.warn(`未能预制数据库模板（首次启动会较慢）Could not build the database template (first start will be slower): ${(error as Error).message}`)
        }
        return 0
      }
      case 'divisions': {
        const [sub, file] = rest
        if (sub !== 'import' || !file) break
        const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
        try {
          await migrate(database)
          const result = await importDivisionsCsv(database.db, file)
          console.log(`已导入 ${result.count} 个行政区划 Imported ${result.count} divisions (root ${result.root})`)
        } finally {
          await database.close()
        }
        return 0
      }
      case 'roads': {
        const [sub, file] = rest
        if (sub !== 'import' || !file) break
        const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
        try {
          await migrate(database)
          const r = await importRoadsFile(database.db, file)
          console.log(`已导入 ${r.roads} 条道路（替换 ${r.replaced} 条，跳过 ${r.skipped}）Imported ${r.roads} roads (replaced ${r.replaced}, skipped ${r.skipped})`)
        } finally {
          await database.close()
        }
        return 0
      }
      case 'help':
      case '--help':
      case '-h':
        console.log(usage)
        return 0
    }
    console.error(usage)
    return 2
  } catch (error) {
    if (error instanceof AppError) {
      console.error(`${error.message}\n${error.messageEn}`)
      return 1
    }
    throw error
  }
}
