/** The delivery worker: fans issued warnings out to recipients and sends through the channels. */
import type { AddressInfo } from 'node:net'
import type { Platform } from '../../../platform.ts'
import { createChannels, type Channel, type ChannelAdapter } from '../channels/index.ts'
import { fanOutHandler, warningIssuedTopic } from './fanout.ts'
import { createSender, type Sender } from './sender.ts'
import { boundUrls, deliverySettings, type DeliverySettings } from './settings.ts'
import { channelsToSimulate, startSimulatedGateway, type SimulatedGateway } from './simulatedGateway.ts'

export interface DeliveryRuntime {
  start(): Promise<void>
  stop(): Promise<void>
  /** Settings in force (read when started). */
  readonly settings: DeliverySettings
  /** The simulated gateway when the simulation is on and some channel has no real endpoint. */
  readonly simulation: SimulatedGateway | null
  /** The server listens at `address`: the simulated recipients open their links there, and links in messages name it unless configured. */
  listening(address: AddressInfo): void
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
  let simulation: SimulatedGateway | null = null
  const ensureSender = (): Sender => {
    if (!sender) {
      settings = simulation?.settings ?? deliverySettings(platform)
      adapters = createChannels(settings)
      if (simulation) adapters = simulation.wrap(adapters)
      sender = createSender(platform.db, settings, adapters)
    }
    return sender
  }
  const runtime: DeliveryRuntime = {
    get settings() { return settings },
    get simulation() { return simulation },
    listening: (address) => {
      const urls = boundUrls(address)
      simulation?.setLocalBaseUrl(urls.local)
      // the sender and the report read the settings object in force, so this reaches the next message
      if (!settings.publicBaseUrlConfigured) settings.publicBaseUrl = urls.public
    },
    async start() {
      if (platform.config.simulate && !sender) {
        const configured = deliverySettings(platform)
        simulation = await startSimulatedGateway(platform.db, configured, channelsToSimulate(configured))
        if (simulation && platform.config.logLevel !== 'silent') console.log(simulation.lines.join('\n'))
      }
      const s = ensureSender()
      unsubscribe = platform.bus.subscribe(warningIssuedTopic, fanOutHandler(platform.db, () => s.nudge()))
      if (settings.autoStart) s.start()
      runtimes.set(platform, runtime)
    },
    async stop() {
      unsubscribe?.()
      await sender?.stop()
      await Promise.all(Object.values(adapters ?? {}).map((a) => a.close?.()))
      await simulation?.close()
    },
    drain: () => ensureSender().drain(),
    nudge: () => sender?.nudge(),
  }
  return runtime
}
