/**
 * The server that dies, for crash.test.ts: opens the database named on the command line,
 * serves the app (monitoring ingest included) on a free port, prints `READY <port>` and waits
 * for its SIGKILL.
 *   node --import tsx crashChild.ts '<{dataDir} or {databaseUrl}>'
 */
import { loadConfig } from '../../config.ts'
import { buildApp } from '../../http/app.ts'
import { createPlatform } from '../../platform.ts'

const target = JSON.parse(process.argv[2]!) as { dataDir?: string; databaseUrl?: string }
const config = { ...loadConfig({}), logLevel: 'silent', simulate: false, adminPassword: undefined, databaseUrl: target.databaseUrl, dataDir: target.dataDir ?? loadConfig({}).dataDir }
const platform = await createPlatform(config, { prepare: false })
const app = await buildApp(platform, { logger: false })
await app.listen({ port: 0, host: '127.0.0.1' })
process.stdout.write(`READY ${(app.server.address() as { port: number }).port}\n`)
setInterval(() => {}, 60_000)
