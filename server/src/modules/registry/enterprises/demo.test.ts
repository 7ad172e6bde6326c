import { describe, expect, it } from 'vitest'
import { validateUscc } from '@yingji/domain/registry/uscc'
import { demoEnterprises } from './demo.ts'
import { gradeOrThrow } from './grading.ts'

describe('Leping demo enterprises', () => {
  const points = new Map([['360281401498', { lon: 117.1, lat: 28.95 }]])
  const demo = demoEnterprises(points)

  it('are about 60, all synthetic, with valid and distinct USCCs and names', () => {
    expect(demo).toHaveLength(60)
    expect(demo.every((d) => d.values.synthetic)).toBe(true)
    expect(demo.every((d) => validateUscc(d.values.uscc).valid)).toBe(true)
    expect(new Set(demo.map((d) => d.values.uscc)).size).toBe(60)
    expect(new Set(demo.map((d) => d.values.name)).size).toBe(60)
  })

  it('are the same on every run', () => {
    expect(demoEnterprises(points)).toEqual(demo)
  })

  it('put chemical plants in the industrial park, near its point', () => {
    const chemical = demo.filter((d) => d.values.supervision_category === 'hazchem_production')
    expect(chemical).toHaveLength(18)
    for (const d of chemical) {
      expect(d.values.division_code).toBe('360281401498')
      expect(Math.abs(d.values.lon! - 117.1)).toBeLessThan(0.01)
    }
  })

  it('include major hazards of every level (GB 18218-2018 Table 6)', () => {
    const levels = demo.map((d) => Math.min(9, ...d.units.map((u) => gradeOrThrow(u.exposedPeople, u.substances).level ?? 9)))
    expect(new Set(levels.filter((l) => l < 9))).toEqual(new Set([1, 2, 3, 4]))
    expect(levels.filter((l) => l === 9).length).toBeGreaterThan(30)
  })
})
