/**
 * Warnings issued while an incident is open go on its command log (预警发布记录): on each
 * `warnings.issued` event, the open incidents raised from the warning's alarm, or lying inside
 * its area, get a `warning_issued` entry. Idempotent (consumeOnce).
 */
import { sql } from 'drizzle-orm'
import { warningLevelInfo, type WarningLevel } from '@yingji/domain/cap/warningLevels'
import { queryRows } from '../../db/rows.ts'
import type { DomainEvent } from '../events/bus.ts'
import { consumeOnce } from '../events/consumer.ts'
import type { IncidentsContext } from './context.ts'
import { appendLog } from './log.ts'

export const warningIssuedTopic = 'warnings.issued'

export function warningIssuedHandler(ctx: IncidentsContext) {
  return async (event: DomainEvent): Promise<void> => {
    const { warningId } = event.payload as { warningId?: string }
    if (!warningId) return
    let touched: string[] = []
    await consumeOnce(ctx.db, 'incidents.log_warning_issued', event, async (tx) => {
      // warnings.warnings is read directly (read-only): the event carries no area.
      const [warning] = await queryRows<{ headline: string; level: WarningLevel; msg_type: string }>(tx, sql`
        SELECT headline, level, msg_type FROM warnings.warnings WHERE id = ${warningId}`)
      if (!warning) return
      const incidents = await queryRows<{ id: string }>(tx, sql`
        SELECT i.id FROM incidents.incidents i, warnings.warnings w
        WHERE w.id = ${warningId} AND i.status <> 'closed'
          AND ((w.source_alarm_id IS NOT NULL AND i.source_alarm_id = w.source_alarm_id)
            OR (i.location IS NOT NULL AND ST_Intersects(w.area_geom, i.location)))`)
      const kind = { Alert: '发布', Update: '更新', Cancel: '解除' }[warning.msg_type] ?? '发布'
      for (const { id } of incidents) {
        await appendLog(tx, id, null, { kind: 'warning_issued', text: `${kind}${warningLevelInfo[warning.level]?.name.zh ?? ''}：${warning.headline}`, data: { warningId } })
      }
      touched = incidents.map((i) => i.id)
    })
    for (const id of touched) ctx.hub.publish(id, 'log')
  }
}
