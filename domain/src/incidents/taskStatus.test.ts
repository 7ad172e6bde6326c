import { describe, expect, it } from 'vitest'
import { isTaskOverdue, nextTaskStatus, taskActionsFrom, type TaskAction, type TaskStatus } from './taskStatus.ts'

describe('task status machine (处置任务状态)', () => {
  it.each<[TaskStatus, TaskAction, TaskStatus | null]>([
    ['assigned', 'accept', 'accepted'],
    ['assigned', 'start', 'in_progress'],
    ['assigned', 'done', null],
    ['assigned', 'block', 'blocked'],
    ['accepted', 'accept', null],
    ['accepted', 'start', 'in_progress'],
    ['accepted', 'done', null],
    ['accepted', 'block', 'blocked'],
    ['in_progress', 'accept', null],
    ['in_progress', 'start', null],
    ['in_progress', 'done', 'done'],
    ['in_progress', 'block', 'blocked'],
    ['blocked', 'accept', null],
    ['blocked', 'start', 'in_progress'],
    ['blocked', 'done', null],
    ['blocked', 'block', null],
    ['done', 'accept', null],
    ['done', 'start', null],
    ['done', 'done', null],
    ['done', 'block', null],
  ])('%s --%s--> %s', (from, action, to) => {
    const result = nextTaskStatus(from, action)
    if (to === null) {
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.message).toContain('不能')
    } else {
      expect(result).toEqual({ ok: true, to })
    }
  })

  it('lists the open actions of each status', () => {
    expect(taskActionsFrom('assigned')).toEqual(['accept', 'start', 'block'])
    expect(taskActionsFrom('done')).toEqual([])
  })

  it('is overdue past its deadline unless done', () => {
    const now = new Date('2026-06-01T10:00:00Z')
    const past = new Date('2026-06-01T09:59:59Z')
    expect(isTaskOverdue({ status: 'in_progress', deadline: past }, now)).toBe(true)
    expect(isTaskOverdue({ status: 'done', deadline: past }, now)).toBe(false)
    expect(isTaskOverdue({ status: 'assigned', deadline: now }, now)).toBe(false)
    expect(isTaskOverdue({ status: 'assigned', deadline: null }, now)).toBe(false)
  })
})
