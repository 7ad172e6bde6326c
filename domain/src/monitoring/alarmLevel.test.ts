import { describe, expect, it } from 'vitest'
import { heldLongEnough, stepAlarmLevel, transitionKind, type AlarmLevelState } from './alarmLevel.ts'
import { defaultRuleSet } from './defaultRules.ts'
import { resolveRuleSet } from './mergeRuleSet.ts'
import { at } from './readingFactory.ts'
import { RuleEngine } from './ruleEngine.ts'

describe('transitionKind', () => {
  it.each([
    { from: -1, to: 2, kind: 'raised' },
    { from: 2, to: 3, kind: 'escalated' },
    { from: 3, to: 0, kind: 'de-escalated' },
    { from: 1, to: -1, kind: 'cleared' },
  ])('$from → $to is $kind', ({ from, to, kind }) => {
    expect(transitionKind(from, to)).toBe(kind)
  })
})

describe('stepAlarmLevel: up at once, down after the clear hold', () => {
  it('escalates immediately, de-escalates only once the lower level has lasted clearHoldMs', () => {
    const state: AlarmLevelState = { level: -1, downSince: NaN }
    expect(stepAlarmLevel(state, 2, 0, 600)).toBe(-1)
    expect(stepAlarmLevel(state, 3, 100, 600)).toBe(2)
    expect(stepAlarmLevel(state, 1, 200, 600)).toBeNull()
    expect(stepAlarmLevel(state, 3, 300, 600)).toBeNull() // back up: the hold restarts
    expect(stepAlarmLevel(state, 1, 400, 600)).toBeNull()
    expect(stepAlarmLevel(state, -1, 999, 600)).toBeNull()
    expect(stepAlarmLevel(state, -1, 1000, 600)).toBe(3)
    expect(state).toEqual({ level: -1, downSince: NaN })
  })

  it('heldLongEnough counts from when the condition began', () => {
    expect([heldLongEnough(NaN, 10, 0), heldLongEnough(0, 59, 60), heldLongEnough(0, 60, 60)]).toEqual([false, false, true])
  })
})

describe('must-hold duration (持续时间) on a tank temperature (default hold 1 min, NV configuration)', () => {
  function engine() {
    const { rules } = resolveRuleSet(defaultRuleSet('tank'), { params: { highKPa: 200, highHighKPa: 250 } })
    const e = new RuleEngine()
    e.assign('tank-1', rules, at(0))
    return e
  }
  const temp = (e: RuleEngine, seconds: number, value: number) =>
    e.ingest({ deviceId: 'tank-1', metric: 'temperature_c', ts: at(0) + seconds * 1000, value }).map((t) => [t.kind, t.to, (t.ts - at(0)) / 1000])

  it('a spike shorter than the hold raises nothing (38 °C is below 40 − the 1 °C deadband)', () => {
    const e = engine()
    expect([temp(e, 10, 41), temp(e, 40, 41), temp(e, 60, 38), temp(e, 80, 38)]).toEqual([[], [], [], []])
  })

  it('a value held for the whole minute raises, at the reading that completes it', () => {
    const e = engine()
    expect([temp(e, 10, 41), temp(e, 40, 45), temp(e, 70, 42)]).toEqual([[], [], [['raised', 'yellow', 70]]])
  })

  it('tick raises when the minute passes without a new reading', () => {
    const e = engine()
    temp(e, 10, 41)
    expect(e.tick(at(0) + 69_000)).toEqual([])
    expect(e.tick(at(0) + 70_000).map((t) => [t.ruleId, t.kind, t.to])).toEqual([['tank.temperature', 'raised', 'yellow']])
  })
})
