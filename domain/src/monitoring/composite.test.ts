import { describe, expect, it } from 'vitest'
import { allNode, anyNode, evaluateComposite, leafNode, type ConditionNode } from './composite.ts'
import { resolveRule } from './resolveRule.ts'
import { at, hourMs } from './readingFactory.ts'
import type { RuleDefinition } from './ruleDefinition.ts'
import { RuleEngine } from './ruleEngine.ts'

describe('evaluateComposite: AND (all) / OR (any)', () => {
  // (leaf0 AND leaf1) OR leaf2
  const nodes: ConditionNode[] = [
    { kind: leafNode, leaf: 0, children: [] },
    { kind: leafNode, leaf: 1, children: [] },
    { kind: allNode, leaf: -1, children: [0, 1] },
    { kind: leafNode, leaf: 2, children: [] },
    { kind: anyNode, leaf: -1, children: [2, 3] },
  ]
  it.each([
    { leaves: [1, 1, 0], all: 1, any: 1 },
    { leaves: [1, 0, 0], all: 0, any: 0 },
    { leaves: [0, 0, 1], all: 0, any: 1 },
    { leaves: [0, 1, 1], all: 0, any: 1 },
  ])('leaves $leaves → AND $all, OR $any', ({ leaves, all, any }) => {
    const met = new Uint8Array(nodes.length)
    evaluateComposite(nodes, Uint8Array.from(leaves), met)
    expect([met[2], met[4]]).toEqual([all, any])
  })
})

/**
 * A hazard point watched by a rain gauge and a GNSS station (地质灾害隐患点, thresholds NV):
 * orange when 24 h rain ≥ 80 mm AND displacement ≥ 1 mm/h; yellow when either alone.
 */
const landslide: RuleDefinition = {
  id: 'hazard_point.landslide',
  name: { zh: '滑坡（雨量与位移）', en: 'Landslide (rain and displacement)' },
  source: 'test rule',
  levels: [
    {
      level: 'orange',
      when: {
        kind: 'all',
        of: [
          { kind: 'threshold', device: 'gauge-9', metric: 'rainfall_mm', measure: { kind: 'sum', windowMs: 24 * hourMs }, direction: 'above', value: 80 },
          { kind: 'threshold', device: 'gnss-9', metric: 'displacement_mm', measure: { kind: 'rate', windowMs: 2 * hourMs, perMs: hourMs }, direction: 'above', value: 1 },
        ],
      },
    },
    {
      level: 'yellow',
      when: {
        kind: 'any',
        of: [
          { kind: 'threshold', device: 'gauge-9', metric: 'rainfall_mm', measure: { kind: 'sum', windowMs: 24 * hourMs }, direction: 'above', value: 80 },
          { kind: 'threshold', device: 'gnss-9', metric: 'displacement_mm', measure: { kind: 'rate', windowMs: 2 * hourMs, perMs: hourMs }, direction: 'above', value: 1 },
        ],
      },
    },
  ],
}

describe('composite rule across two devices', () => {
  function engine() {
    const { rule } = resolveRule(landslide)
    const e = new RuleEngine()
    e.assign('hazard-point-9', [rule!], at(0))
    return e
  }
  const rain = (mm: number, minute: number) => ({ deviceId: 'gauge-9', metric: 'rainfall_mm', ts: at(minute), value: mm })
  const gnss = (mm: number, minute: number) => ({ deviceId: 'gnss-9', metric: 'displacement_mm', ts: at(minute), value: mm })

  it('OR: rain alone raises yellow on the hazard point; AND: rain with movement escalates it to orange', () => {
    const e = engine()
    const steps = [rain(50, 60), gnss(0, 60), rain(40, 120), gnss(0.5, 120), gnss(2.5, 180)].flatMap((r) => e.ingest(r))
    expect(steps.map((t) => [t.subject, t.kind, t.to, (t.ts - at(0)) / 60_000])).toEqual([
      ['hazard-point-9', 'raised', 'yellow', 120],
      ['hazard-point-9', 'escalated', 'orange', 180],
    ])
    // The rate over (1:00, 3:00]: 0.5 → 2.5 mm in one hour.
    expect(steps[1]!.evidence.map((ev) => [ev.device, ev.measure, Number(ev.value!.toFixed(9))])).toEqual([
      ['gauge-9', 'sum', 90],
      ['gnss-9', 'rate', 2],
    ])
  })

  it('movement alone is yellow only', () => {
    const e = engine()
    ;[gnss(0, 0), gnss(3, 60), gnss(6, 120)].forEach((r) => e.ingest(r))
    expect(e.activeAlarms()).toEqual([{ ruleId: 'hazard_point.landslide', subject: 'hazard-point-9', level: 'yellow' }])
  })
})
