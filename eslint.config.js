// ESLint flat config: recommended TypeScript rules plus the layer boundaries of
// docs/ARCHITECTURE.md (domain has no I/O; web features keep to themselves).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'eslint/config'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

const root = path.dirname(fileURLToPath(import.meta.url))

/** Modules that do I/O (files, network, processes, databases, HTTP, UI): never in `domain/`. */
const ioModules = [
  'fs', 'fs/promises', 'net', 'http', 'https', 'http2', 'dgram', 'dns', 'child_process', 'cluster',
  'worker_threads', 'tls', 'readline', 'repl', 'inspector', 'v8', 'vm', 'process',
]
const ioPackages = [
  'pg', 'pg-*', '@electric-sql/*', 'drizzle-orm', 'drizzle-orm/*', 'drizzle-kit', 'fastify', 'fastify-*', '@fastify/*',
  'mqtt', 'aedes', 'ws', 'undici', 'node-fetch', 'axios', 'pg-boss', 'exceljs', 'docx', 'playwright-core',
  'react', 'react-dom', 'react-dom/*', 'antd', 'maplibre-gl', 'echarts', 'vite', 'vitest/node',
]

const domainBoundary = {
  paths: ioModules.flatMap((name) => [
    { name, message: 'domain/ 不做 I/O · domain/ is pure: no file, network or process access.' },
    { name: `node:${name}`, message: 'domain/ 不做 I/O · domain/ is pure: no file, network or process access.' },
  ]),
  patterns: [
    { group: ioPackages, message: 'domain/ 不依赖 I/O 库 · domain/ may not use database, HTTP or UI libraries.' },
    { group: ['@yingji/server', '@yingji/server/*', '@yingji/web', '@yingji/web/*'], message: 'domain/ 不依赖 server 或 web · domain/ may not import server or web.' },
    { regex: '^(\\.\\./)+(server|web)(/|$)', message: 'domain/ 不依赖 server 或 web · domain/ may not import server or web.' },
  ],
}

/** The web app talks to the server over HTTP only (its browser tests in web/e2e may start one). */
const webServerBoundary = [
  { group: ['@yingji/server', '@yingji/server/*'], message: 'web 只通过 HTTP 调用服务器 · web talks to the server over HTTP only.' },
  { regex: '^(\\.\\./)+server(/|$)', message: 'web 只通过 HTTP 调用服务器 · web talks to the server over HTTP only.' },
]

const featuresDir = path.join(root, 'web/src/features')
const features = fs.existsSync(featuresDir)
  ? fs.readdirSync(featuresDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)
  : []
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * `web/src/features/X` may not import another feature: shared code lives in lib/ or
 * components/, composition in app/. no-restricted-imports sees only the import text, so a
 * block per feature and per folder depth tells which `../` climbs out of the feature.
 */
function featureBoundaries() {
  const blocks = []
  for (const feature of features) {
    const own = escape(feature)
    const message = `功能模块互不引用 · web/src/features/${feature} may not import another feature (compose them in app/).`
    for (let depth = 0; depth <= 5; depth++) {
      const folder = depth === 0 ? '' : '*/'.repeat(depth)
      blocks.push({
        files: [`web/src/features/${feature}/${folder}*.{ts,tsx}`],
        rules: {
          'no-restricted-imports': ['error', {
            patterns: [
              ...webServerBoundary,
              // Any path naming another feature (alias or climbing to src/ and back down).
              { regex: `(^|/)features/(?!${own}(/|$))[^/]+`, message },
              // Climbing exactly out of this feature's folder into a sibling feature.
              { regex: `^(\\./)?(\\.\\./){${depth + 1}}(?!${own}(/|$))[^./]`, message },
            ],
          }],
        },
      })
    }
  }
  return blocks
}

export default defineConfig(
  { ignores: ['**/node_modules/**', 'web/dist/**', 'data/**', 'test-artifacts/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: webServerBoundary }] },
  },
  ...featureBoundaries(),
  {
    files: ['domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', domainBoundary] },
  },
  {
    // Golden-file tests may read their fixtures (in/ and out/ folders); still no server or web.
    files: ['domain/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: domainBoundary.patterns.slice(1) }] },
  },
)
