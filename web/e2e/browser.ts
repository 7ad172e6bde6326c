/**
 * Browser-test plumbing: a built web app, the real server on a free port, headless Chromium.
 * Only tests import this; the web app itself talks to the server over HTTP.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { chromium, type Browser } from 'playwright-core'
import { buildApp } from '../../server/src/http/app.ts'
import { createTestPlatform, type TestPlatform } from '../../server/src/testing/platform.ts'

export const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const artifactsDir = path.resolve(webRoot, '..', 'test-artifacts')

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs)
  }
  return newest
}

/** Builds `web/dist` when it is missing or older than the sources. */
export function ensureWebBuilt(): void {
  const index = path.join(webRoot, 'dist', 'index.html')
  const sources = Math.max(newestMtime(path.join(webRoot, 'src')), fs.statSync(path.join(webRoot, 'index.html')).mtimeMs)
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return
  const build = spawnSync('npm', ['run', 'build', '-w', 'web'], { cwd: path.resolve(webRoot, '..'), encoding: 'utf8' })
  if (build.status !== 0) throw new Error(`web build failed:\n${build.stdout}\n${build.stderr}`)
}

/** Headless Debian Chromium with a throw-away profile and no background traffic. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  })
}

export function baseUrlOf(address: AddressInfo | string | null): string {
  if (!address || typeof address === 'string') throw new Error(`unexpected server address ${String(address)}`)
  return `http://127.0.0.1:${address.port}`
}

export function screenshotPath(name: string): string {
  fs.mkdirSync(artifactsDir, { recursive: true })
  return path.join(artifactsDir, name)
}

/** What a browser test runs against: a test platform served on a free port, and headless Chromium. */
export interface BrowserStage {
  platform: TestPlatform
  app: FastifyInstance
  baseUrl: string
  browser: Browser
  close(): Promise<void>
}

/**
 * Builds the web app when needed, starts a test platform (`prepare` runs on it before the app is
 * built: demo data, module settings), serves it on a free port and launches Chromium.
 */
export async function startBrowserStage(prepare?: (platform: TestPlatform) => unknown): Promise<BrowserStage> {
  ensureWebBuilt()
  const platform = await createTestPlatform()
  let app: FastifyInstance | undefined
  try {
    await prepare?.(platform)
    app = await buildApp(platform, { logger: false })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const started = app
    const browser = await launchChromium()
    return {
      platform, app: started, baseUrl: baseUrlOf(started.server.address()), browser,
      close: async () => {
        await browser.close()
        await started.close()
        await platform.close()
      },
    }
  } catch (error) {
    await app?.close()
    await platform.close()
    throw error
  }
}
