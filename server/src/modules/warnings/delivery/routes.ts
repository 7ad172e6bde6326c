/** HTTP only: a warning's audience and its delivery report (/api/warnings/…). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Platform } from '../../../platform.ts'
import type { DeliveryRuntime } from './runtime.ts'

export const deliveryRoutes = (_platform: Platform, _runtime: DeliveryRuntime): FastifyPluginAsyncTypebox => async () => {}
