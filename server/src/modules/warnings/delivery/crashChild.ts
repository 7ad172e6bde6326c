/**
 * The process that is killed, for delivery.crash.test.ts. It opens the database named on the
 * command line and runs the delivery pipeline — the outbox delivering `warnings.issued` to the
 * fan-out, and the sender loop posting SMS to the test gateway:
 *   node --import tsx crashChild.ts '<OpenOptions JSON>' <scenario> <gatewayUrl>
 *   scenario `during-fanout`: SIGKILLs itself inside the fan-out transaction, after the
 *                             INSERT of the deliveries and before the commit;
 *   scenario `during-send`:   runs until the parent SIGKILLs it while SMS are going out.
 */
import { fileURLToPath } from 'node:url'
import { openDatabase, type OpenOptions } from '../../../db/database.ts'
import { createInProcessBus } from '../../events/bus.ts'
import { createOutbox } from '../../events/outbox.ts'
import { createChannels } from '../channels/index.ts'
import { fanOutHandler, warningIssuedTopic } from './fanout.ts'
import { createSender } from './sender.ts'
import { loadDeliverySettings, type DeliverySettings } from './settings.ts'

export type DeliveryCrashScenario = 'during-fanout' | 'during-send'

/** How long a claim of the killed process outlives it (outbox event and delivery rows). */
export const crashLeaseMs = 800

export function crashSettings(gatewayUrl: string): DeliverySettings {
  const base = loadDeliverySettings({})
  return {
    ...base, publicBaseUrl: 'http://yj.test', leaseMs: crashLeaseMs, claimBatch: 40, pollIntervalMs: 100,
    sms: { ...base.sms, gatewayUrl, ratePerSecond: 150, concurrency: 8, batchSize: 1 },
    backoff: { baseDelayMs: 50, maxDelayMs: 200, maxAttempts: 20 },
  }
}

async function main(target: OpenOptions, scenario: DeliveryCrashScenario, gatewayUrl: string): Promise<void> {
  const database = await openDatabase(target)
  const settings = crashSettings(gatewayUrl)
  const sender = createSender(database.db, settings, createChannels(settings), { onError: () => {} })
  const bus = createInProcessBus()
  const kill = scenario === 'during-fanout' ? () => { process.kill(process.pid, 'SIGKILL') } : undefined
  bus.subscribe(warningIssuedTopic, fanOutHandler(database.db, () => sender.nudge(), kill))
  const outbox = createOutbox(database.db, bus, { leaseMs: crashLeaseMs, pollIntervalMs: 100, onError: () => {} })
  outbox.start()
  sender.start()
  // Runs until killed; a child still alive after a minute is a failure.
  await new Promise((r) => setTimeout(r, 60_000))
  throw new Error('still alive')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [target, scenario, gatewayUrl] = process.argv.slice(2)
  main(JSON.parse(target!) as OpenOptions, scenario as DeliveryCrashScenario, gatewayUrl!).catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
