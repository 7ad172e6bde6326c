/**
 * The monitoring module (监测预警): devices, ingest over HTTP and MQTT, time-partitioned
 * readings, the rule engine of domain/src/monitoring, alarms with their lifecycle, and a live
 * stream. The runtime (writer, rule clock, stream) starts with the plugin and stops when the
 * app closes; MQTT and the simulator are started by the server (`startMonitoringServices`).
 */
import type { FastifyPluginAsync } from 'fastify'
import type { Platform } from '../../platform.ts'
import { monitoringRoutes } from './routes.ts'
import { monitoringRuntime } from './runtime.ts'

export const monitoringModule = (platform: Platform): FastifyPluginAsync => async (app) => {
  const runtime = monitoringRuntime(platform)
  await runtime.start()
  // Open event streams would keep the HTTP server from closing: end them first.
  app.addHook('preClose', async () => { runtime.hub.closeAll() })
  app.addHook('onClose', async () => { await runtime.stop() })
  await app.register(monitoringRoutes(platform, runtime))
}

export { monitoringRuntime, type MonitoringRuntime } from './runtime.ts'
export { configureMonitoring, type MonitoringSettings } from './settings.ts'
export { alarmChangedTopic, alarmRaisedTopic, alarmUnacknowledgedTopic, type AlarmView } from './alarms.ts'
export { startMonitoringServices, type MonitoringServices } from './services.ts'
