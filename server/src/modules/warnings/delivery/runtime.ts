/** The delivery worker: fans issued warnings out to recipients and sends through the channels. */
import type { Platform } from '../../../platform.ts'

export interface DeliveryRuntime {
  start(): Promise<void>
  stop(): Promise<void>
}

export function deliveryRuntime(_platform: Platform): DeliveryRuntime {
  return { start: async () => {}, stop: async () => {} }
}
