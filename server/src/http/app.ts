import fs from 'node:fs'
import path from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import cookie from '@fastify/cookie'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import fastifyStatic from '@fastify/static'
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { repoRoot } from '../config.ts'
import type { Platform } from '../platform.ts'
import { installErrorHandler } from './errorHandler.ts'
import { validatorCompiler } from './validation.ts'
import { authModule } from '../modules/auth/index.ts'
import { geoModule } from '../modules/geo/index.ts'
import { registryModule } from '../modules/registry/index.ts'
import { resourcesModule } from '../modules/resources/index.ts'
import { monitoringModule } from '../modules/monitoring/index.ts'
import { warningsModule } from '../modules/warnings/index.ts'
import { plansModule } from '../modules/plans/index.ts'
import { incidentsModule } from '../modules/incidents/index.ts'
import { dispatchModule } from '../modules/dispatch/index.ts'

/** The media type of .xlsx uploads and downloads. */
export const xlsxMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export const webDist = path.join(repoRoot, 'web', 'dist')

export interface AppOptions {
  /** Pino logger options; `false` silences it (tests). */
  logger?: boolean | object
}

/** The whole HTTP application: infrastructure, then each module as an encapsulated plugin. */
export async function buildApp(platform: Platform, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? { level: platform.config.logLevel },
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.decorateRequest('actor', null)
  const webBuilt = fs.existsSync(path.join(webDist, 'index.html'))
  installErrorHandler(app, { spaFallback: webBuilt })

  await app.register(cookie)
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Yingji 应急 API', version: platform.config.version, description: '应急管理平台接口 · Emergency-management platform API' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'yingji_session' },
          apiKey: { type: 'http', scheme: 'bearer' },
          deviceKey: { type: 'http', scheme: 'bearer', description: '监测设备密钥 · A monitoring device\'s key' },
        },
      },
    },
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } })
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger())

  app.get('/api/health', {
    config: { access: 'public' },
    schema: {
      tags: ['system'],
      summary: '健康检查 · Health',
      response: { 200: Type.Object({ status: Type.Literal('ok'), db: Type.Union([Type.Literal('embedded'), Type.Literal('postgres')]), version: Type.String() }) },
    },
  }, () => ({ status: 'ok' as const, db: platform.database.kind, version: platform.config.version }))

  app.get('/api/ui-config', {
    config: { access: 'public' },
    schema: {
      tags: ['system'],
      summary: '前端配置 · Web app settings',
      response: { 200: Type.Object({ tileUrl: Type.Union([Type.String(), Type.Null()]), version: Type.String() }) },
    },
  }, () => ({ tileUrl: platform.config.tileUrl ?? null, version: platform.config.version }))

  // Excel uploads (registry imports) arrive as the raw .xlsx body.
  app.addContentTypeParser(xlsxMediaType, { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_request, body, done) => done(null, body))

  // Authentication and role checks for every route below; modules check jurisdiction.
  await app.register(authModule(platform))
  await app.register(geoModule(platform), { prefix: '/api' })
  await app.register(registryModule(platform), { prefix: '/api/registry' })
  await app.register(resourcesModule(platform), { prefix: '/api/resources' })
  await app.register(monitoringModule(platform), { prefix: '/api' })
  // Warnings serve /api/warnings and the public CAP feed under /public.
  await app.register(warningsModule(platform))
  await app.register(plansModule(platform), { prefix: '/api/plans' })
  await app.register(incidentsModule(platform), { prefix: '/api/incidents' })
  await app.register(dispatchModule(platform), { prefix: '/api/dispatch' })

  if (webBuilt) await app.register(fastifyStatic, { root: webDist, wildcard: false })
  return app
}
