/**
 * Demo data of the incidents module (synthetic): a duty roster for the current week (Monday to
 * Sunday, China time) at the county — a 带班领导 and a 值班员 per day, 08:30 to 08:30 the next
 * day — and one handover note. Idempotent: a week that has synthetic shifts is left alone.
 */
import { sql } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import { queryRows } from '../../db/rows.ts'
import { insertHandover, insertShift } from './duty.ts'

const county = '360281000000'
const leaders = ['王建国', '李红梅', '张志强', '刘海涛', '陈丽华', '杨卫东', '赵明']
const officers = ['周晓', '吴磊', '郑静', '孙浩', '黄敏', '徐鹏', '胡雪']

/** 08:30 China time of the Monday of the week containing `now`. */
export function weekStart(now: Date): Date {
  const cst = new Date(now.getTime() + 8 * 3_600_000)
  const day = (cst.getUTCDay() + 6) % 7
  let start = Date.UTC(cst.getUTCFullYear(), cst.getUTCMonth(), cst.getUTCDate() - day, 8, 30) - 8 * 3_600_000
  // Before 08:30 on Monday the shift in force began the previous Sunday: the week starts a day earlier.
  if (start > now.getTime()) start -= 86_400_000
  return new Date(start)
}

export async function seedIncidentsDemo(q: Queryable, now = new Date()): Promise<{ shifts: number }> {
  const start = weekStart(now)
  const end = new Date(start.getTime() + 7 * 86_400_000)
  const [existing] = await queryRows<{ n: number }>(q, sql`
    SELECT count(*)::int AS n FROM incidents.duty_shifts WHERE synthetic AND division_code = ${county}
      AND starts_at >= ${start.toISOString()} AND starts_at < ${end.toISOString()}`)
  if ((existing?.n ?? 0) > 0) return { shifts: 0 }
  let shifts = 0
  for (let d = 0; d < 7; d++) {
    const from = new Date(start.getTime() + d * 86_400_000).toISOString()
    const to = new Date(start.getTime() + (d + 1) * 86_400_000).toISOString()
    await insertShift(q, null, { divisionCode: county, role: 'leader', userId: null, personName: leaders[d]!, phone: `1390798${String(1000 + d).slice(-4)}`, startsAt: from, endsAt: to, synthetic: true })
    await insertShift(q, null, { divisionCode: county, role: 'officer', userId: null, personName: officers[d]!, phone: `0798-6${String(800000 + d)}`, startsAt: from, endsAt: to, synthetic: true })
    shifts += 2
  }
  await insertHandover(q, null, {
    divisionCode: county, shiftId: null, fromName: officers[6]!, toName: officers[0]!, at: start.toISOString(), synthetic: true,
    notes: '（演示数据）上周无未结事件；乐安河水位平稳；本周气象部门预报周三至周四有中到大雨，注意防汛值守。',
  })
  return { shifts }
}
