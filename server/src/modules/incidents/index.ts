/**
 * The incidents module (事件管理): grading (事故等级, 救助响应等级), incidents from calls, village
 * reports, alarms or by hand; the response (plan suggestions, activation, tasks), the command
 * log, situation reports (续报, .docx), the duty roster (值班) and a live stream per incident.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { Platform } from '../../platform.ts'
import type { IncidentsContext } from './context.ts'
import { incidentRoutes } from './incidentRoutes.ts'
import { alarmRaisedHandler, alarmRaisedTopic } from './alarmLink.ts'
import { IncidentHub } from './live.ts'
import { NoticeHub } from './noticeHub.ts'
import { incidentsRoutes } from './routes.ts'
import { warningIssuedHandler, warningIssuedTopic } from './warningsLink.ts'

export const incidentsModule = (platform: Platform): FastifyPluginAsync => async (app) => {
  const ctx: IncidentsContext = { db: platform.db, platform, hub: new IncidentHub(), notices: new NoticeHub() }
  // Open event streams would keep the HTTP server from closing: end them first.
  app.addHook('preClose', async () => { ctx.hub.closeAll(); ctx.notices.closeAll() })
  const unsubscribe = platform.bus.subscribe(warningIssuedTopic, warningIssuedHandler(ctx))
  const unsubscribeAlarms = platform.bus.subscribe(alarmRaisedTopic, alarmRaisedHandler(ctx))
  app.addHook('onClose', async () => { unsubscribe(); unsubscribeAlarms() })
  await app.register(incidentsRoutes(platform))
  await app.register(incidentRoutes(ctx))
}

export { onDutyNow, type DutyShift } from './duty.ts'
export { seedIncidentsDemo } from './demo.ts'
export { incidentCreatedTopic } from './service.ts'
export { tasksAssignedTopic } from './response.ts'
