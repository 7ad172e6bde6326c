import fs from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import type { FastifyInstance } from 'fastify'
import { repoRoot, type Config } from './config.ts'
import { buildApp, webDist } from './http/app.ts'
import { closePlatform, createPlatform, type Platform } from './platform.ts'
import { startEmbeddedMaintenance } from './db/maintenance.ts'
import { ensureAdmin } from './modules/auth/bootstrap.ts'
import { startMonitoringServices } from './modules/monitoring/index.ts'

export interface RunningServer {
  app: FastifyInstance
  platform: Platform
  url: string
  stop(): Promise<void>
}

/** `npm start`: database ready, admin present, web built, HTTP listening. */
export async function startServer(config: Config): Promise<RunningServer> {
  ensureWebBuilt()
  const platform = await createPlatform(config)
  const app = await buildApp(platform)
  const admin = await ensureAdmin(platform)
  platform.outbox.start()
  await app.listen({ port: config.port, host: config.host })
  const url = `http://localhost:${(app.server.address() as { port: number }).port}`
  // MQTT ingest and the simulated sensor network (which reports through the HTTP ingest route).
  const monitoring = await startMonitoringServices(platform, `http://127.0.0.1:${(app.server.address() as { port: number }).port}`)
  const maintenance = startEmbeddedMaintenance(platform.database, config.embeddedMaintenanceMinutes * 60_000)
  const lines = [
    '',
    `  应急平台已启动 Yingji is running: ${url}`,
    `  数据库 Database: ${platform.database.kind === 'embedded' ? `内嵌 embedded (${config.dataDir})` : 'PostgreSQL 服务器 server'}`,
  ]
  if (admin.generatedPassword) {
    lines.push(
      `  首次启动：管理员账号 admin，一次性密码 First start: user admin, one-time password: ${admin.generatedPassword}`,
      '  首次登录后须修改密码 You must change it at first login.',
    )
  }
  console.log(lines.join('\n') + '\n')

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await maintenance.stop()
    await monitoring.stop()
    await app.close()
    await closePlatform(platform)
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => { void stop().then(() => process.exit(0)) })
  }
  return { app, platform, url, stop }
}

/** Builds the web app with Vite when its build is missing, so `npm start` is enough. */
function ensureWebBuilt(): void {
  if (fs.existsSync(path.join(webDist, 'index.html'))) return
  console.log('正在构建前端 Building the web app (first start only)…')
  const result = spawnSync('npm', ['run', 'build', '-w', 'web'], { cwd: repoRoot, stdio: 'inherit' })
  if (result.status !== 0) throw new Error('web build failed')
}
