/** What the incidents services are given: the database, the live hub, the outbox (to nudge). */
import type { Db } from '../../db/database.ts'
import type { Platform } from '../../platform.ts'
import type { ChangeKind, IncidentHub } from './live.ts'
import type { NoticeHub } from './noticeHub.ts'

export interface IncidentsContext {
  db: Db
  platform: Platform
  hub: IncidentHub
  notices: NoticeHub
}

/** After a commit: tell the board's viewers, and deliver the outbox events promptly. */
export function changed(ctx: IncidentsContext, incidentId: string, kinds: ChangeKind[], id?: string | number): void {
  for (const kind of kinds) ctx.hub.publish(incidentId, kind, id)
  ctx.platform.outbox.nudge()
}
