/**
 * The monitoring module's network-facing parts, started by the server after it listens: MQTT
 * ingest (built-in broker on YINGJI_MQTT_PORT, or YINGJI_MQTT_URL; YINGJI_MQTT=0 turns it off)
 * and the simulated sensor network (config.simulate, YINGJI_SIMULATE=0 turns it off).
 */
import type { Platform } from '../../platform.ts'
import { startMqttIngest, type MqttIngest } from './mqtt.ts'
import { monitoringRuntime } from './runtime.ts'
import { startSimulator, type Simulator } from './simulator.ts'

export interface MonitoringServices {
  mqtt: MqttIngest | null
  simulator: Simulator | null
  stop(): Promise<void>
}

export async function startMonitoringServices(platform: Platform, baseUrl: string, env: NodeJS.ProcessEnv = process.env): Promise<MonitoringServices> {
  const runtime = monitoringRuntime(platform)
  const mqtt = env.YINGJI_MQTT === '0' ? null : await startMqttIngest(runtime, {
    url: env.YINGJI_MQTT_URL || undefined,
    port: env.YINGJI_MQTT_PORT ? Number(env.YINGJI_MQTT_PORT) : 1883,
  })
  const simulator = platform.config.simulate ? await startSimulator(platform, runtime, { baseUrl }) : null
  return {
    mqtt,
    simulator,
    stop: async () => {
      await simulator?.stop()
      await mqtt?.close()
    },
  }
}
