/** The delivery worker: fans issued warnings out to recipients and sends through the channels. */
import type { Platform } from '../../../platform.ts'
import { createChannels, type Channel, type ChannelAdapter } from '../channels/index.ts'
import { fanOutHandler, warningIssuedTopic } from './fanout.ts'
import { createSender, type Sender } from './sender.ts'
import { deliverySettings, type DeliverySettings } from './settings.ts'

export interface DeliveryRuntime {
  start(): Promise<void>
  stop(): Promise<void>
  /** Settings in force (read when started). */
  readonly settings: DeliverySettings
  /** Sends everything due now (tests); the started loop does the same by itself. */
  drain(): ReturnType<Sender['drain']>
  nudge(): void
}

const runtimes = new WeakMap<Platform, DeliveryRuntime>()

/** The runtime the app of `platform` started (tests reach the sender through it). */
export function deliveryRuntimeOf(platform: Platform): DeliveryRuntime | undefined {
  return runtimes.get(platform)
}

export function deliveryRuntime(platform: Platform): DeliveryRuntime {
  let settings = deliverySettings(platform)
  let adapters: Record<Channel, ChannelAdapter> | undefined
  let sender: Sender | undefined
  let unsubscribe: (() => void) | undefined
  const ensureSender = (): Sender => {
    if (!sender) {
      settings = deliverySettings(platform)
      adapters = createChannels(settings)
      sender = createSender(platform.db, settings, adapters)
    }
    return sender
  }
  const runtime: DeliveryRuntime = {
    get settings() { return settings },
    async start() {
      const s = ensureSender()
      unsubscribe = platform.bus.subscribe(warningIssuedTopic, fanOutHandler(platform.db, () => s.nudge()))
      if (settings.autoStart) s.start()
      runtimes.set(platform, runtime)
    },
    async stop() {
      unsubscribe?.()
      await sender?.stop()
      await Promise.all(Object.values(adapters ?? {}).map((a) => a.close?.()))
    },
    drain: () => ensureSender().drain(),
    nudge: () => sender?.nudge(),
  }
  return runtime
}
