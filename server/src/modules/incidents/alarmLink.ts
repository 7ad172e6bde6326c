/**
 * Alarms reach the officer on duty (值班员): on each `monitoring.alarm_raised` event, a dashboard
 * notification to the users of the shifts on duty for the alarm's division (or the nearest
 * division above with a roster) and to the duty-officer role of that division. Idempotent.
 */
import { warningLevelInfo, type WarningLevel } from '@yingji/domain/cap/warningLevels'
import type { DomainEvent } from '../events/bus.ts'
import { consumeOnce } from '../events/consumer.ts'
import { alarmRaisedTopic } from '../monitoring/index.ts'
import type { IncidentsContext } from './context.ts'
import type { Delivered } from './noticeHub.ts'
import { notify } from './notifications.ts'

export { alarmRaisedTopic }

export function alarmRaisedHandler(ctx: IncidentsContext) {
  return async (event: DomainEvent): Promise<void> => {
    const alarm = event.payload as { alarmId?: string; level?: WarningLevel; divisionCode?: string; message?: string }
    if (!alarm.alarmId || !alarm.divisionCode || !/^[0-9]{12}$/.test(alarm.divisionCode)) return
    let delivered: Delivered | null = null
    await consumeOnce(ctx.db, 'incidents.notify_alarm_on_duty', event, async (tx) => {
      const level = alarm.level ? warningLevelInfo[alarm.level]?.colourName.zh ?? '' : ''
      delivered = await notify(tx, {
        incidentId: null, divisionCode: alarm.divisionCode!, kind: 'alarm_raised',
        title: `${level}告警：${alarm.message ?? ''}`.slice(0, 200),
        body: `/monitoring/alarms?alarmId=${alarm.alarmId}`,
      }, ['duty_officer'])
    })
    if (delivered) ctx.notices.publish(delivered)
  }
}
