import { describe, expect, it } from 'vitest'
import { capabilityMatch, rankTeams, reserveFor, teamHazardOfIncident, type TeamCandidate } from './teamRanking.ts'

const team = (over: Partial<TeamCandidate> & Pick<TeamCandidate, 'id'>): TeamCandidate => ({
  name: over.id, type: 'comprehensive', status: 'ready', capabilities: [], headcount: 30, travelSeconds: 1800, ...over,
})

describe('capability match: declared capability > specialist type > comprehensive > social > none', () => {
  it.each([
    { why: 'flood team declaring flood', t: { type: 'flood', capabilities: ['flood'] }, hazard: 'flood', match: 'capability' },
    { why: 'flood team, rainstorm (its specialist hazard family)', t: { type: 'flood', capabilities: [] }, hazard: 'rainstorm', match: 'type' },
    { why: 'comprehensive team, flood', t: { type: 'comprehensive', capabilities: [] }, hazard: 'flood', match: 'general' },
    { why: 'comprehensive team is the specialist for landslides', t: { type: 'comprehensive', capabilities: [] }, hazard: 'landslide', match: 'type' },
    { why: 'social force, flood', t: { type: 'social', capabilities: [] }, hazard: 'flood', match: 'social' },
    { why: 'hazmat team, flood', t: { type: 'hazmat', capabilities: ['hazmat'] }, hazard: 'flood', match: 'none' },
    { why: 'medical team declaring water rescue', t: { type: 'medical', capabilities: ['water_rescue'] }, hazard: 'water_rescue', match: 'capability' },
  ] as const)('$why → $match', ({ t, hazard, match }) => {
    expect(capabilityMatch(t, hazard)).toBe(match)
  })
})

describe('ranking (capability 40 %, readiness 25 %, travel 25 %, headcount 10 %)', () => {
  it.each([
    {
      why: 'SCENARIO step 11: the ready flood team 18 min away first, the hazmat team not for a flood',
      teams: [team({ id: 'hazmat', type: 'hazmat', capabilities: ['hazmat'], travelSeconds: 600 }), team({ id: 'flood', type: 'flood', capabilities: ['flood'], travelSeconds: 18 * 60 })],
      hazard: 'flood', order: ['flood', 'hazmat'],
    },
    {
      why: 'a specialist team declaring the hazard beats another type declaring it too',
      teams: [team({ id: 'comprehensive', capabilities: ['flood'], travelSeconds: 10 * 60 }), team({ id: 'flood', type: 'flood', capabilities: ['flood'], travelSeconds: 18 * 60 })],
      hazard: 'flood', order: ['flood', 'comprehensive'],
    },
    {
      why: 'SCENARIO step 11 at 镇桥镇: the county flood team 47 min away beats the township militia platoons (flood-typed 12 min, comprehensive on the spot)',
      teams: [
        team({ id: 'county flood', type: 'flood', level: 'city', capabilities: ['flood', 'water_rescue'], headcount: 60, travelSeconds: 47 * 60 }),
        team({ id: 'lilin platoon', type: 'flood', level: 'township', capabilities: ['flood'], travelSeconds: 12 * 60 }),
        team({ id: 'zhenqiao platoon', level: 'township', capabilities: ['flood'], travelSeconds: 60 }),
      ],
      hazard: 'flood', order: ['county flood', 'lilin platoon', 'zhenqiao platoon'],
    },
    {
      why: 'within reason: a platoon on the spot beats the county team 80 min away',
      teams: [
        team({ id: 'county flood', type: 'flood', level: 'city', capabilities: ['flood'], headcount: 60, travelSeconds: 80 * 60 }),
        team({ id: 'platoon', type: 'flood', level: 'township', capabilities: ['flood'], travelSeconds: 60 }),
      ],
      hazard: 'flood', order: ['platoon', 'county flood'],
    },
    {
      why: 'an enterprise team is full-time, a village team part-time',
      teams: [team({ id: 'village', level: 'village', travelSeconds: 600 }), team({ id: 'enterprise', level: 'enterprise', travelSeconds: 600 })],
      hazard: 'fire', order: ['enterprise', 'village'],
    },
    {
      why: 'readiness: ready beats resting beats deployed at equal match and distance',
      teams: [team({ id: 'deployed', status: 'deployed' }), team({ id: 'resting', status: 'resting' }), team({ id: 'ready' })],
      hazard: 'fire', order: ['ready', 'resting', 'deployed'],
    },
    {
      why: 'travel: nearer first at equal match and readiness',
      teams: [team({ id: 'far', travelSeconds: 90 * 60 }), team({ id: 'near', travelSeconds: 10 * 60 })],
      hazard: 'fire', order: ['near', 'far'],
    },
    {
      why: 'headcount breaks a tie',
      teams: [team({ id: 'small', headcount: 10 }), team({ id: 'large', headcount: 60 })],
      hazard: 'fire', order: ['large', 'small'],
    },
    {
      why: 'unavailable and unreachable teams come last whatever their score',
      teams: [team({ id: 'unavailable', status: 'unavailable', type: 'flood', capabilities: ['flood'], travelSeconds: 60 }), team({ id: 'unreachable', travelSeconds: Infinity }), team({ id: 'social', type: 'social', travelSeconds: 3000 })],
      hazard: 'flood', order: ['social', 'unavailable', 'unreachable'],
    },
  ])('$why', ({ teams, hazard, order }) => {
    expect(rankTeams(teams, hazard).map((t) => t.id)).toEqual(order)
  })

  it('gives the breakdown and the reason in Chinese and English', () => {
    const [first] = rankTeams([team({ id: 'f', name: '乐平市防汛抢险队', type: 'flood', capabilities: ['flood'], headcount: 50, travelSeconds: 18 * 60 })], 'flood')
    expect(first).toMatchObject({
      rank: 1, match: 'capability', travelMinutes: 18, held: false,
      breakdown: { capability: 1, readiness: 1, travel: 0.85, headcount: 1 },
      why: '防汛抢险队：能力匹配（洪涝），待命，车程 18 分钟，50 人',
      whyEn: 'Flood-fighting team: capability match (flood), ready, 18 min drive, 50 people',
    })
    expect(first!.score).toBeCloseTo(100 * (0.4 + 0.25 + 0.25 * 0.85 + 0.1), 1)
  })

  it('says when a team is a part-time local force', () => {
    const [platoon] = rankTeams([team({ id: 'p', type: 'flood', level: 'township', capabilities: ['flood'], travelSeconds: 12 * 60 })], 'flood')
    expect(platoon!.breakdown.capability).toBe(0.8)
    expect(platoon!.why).toBe('防汛抢险队：能力匹配（洪涝）（基层兼职队伍），待命，车程 12 分钟，30 人')
    expect(platoon!.whyEn).toBe('Flood-fighting team: capability match (flood) (part-time local force), ready, 12 min drive, 30 people')
  })
})

describe('for an incident', () => {
  it.each([
    [{ subtype: 'flood' }, 'flood'],
    [{ subtype: 'flood', hazardType: 'rainstorm' }, 'rainstorm'],
    [{ subtype: 'geologicalHazard' }, 'landslide'],
    [{ subtype: 'hazmatAccident', hazardType: 'hazmatLeak' }, 'hazmat'],
    [{ subtype: 'mining' }, 'mine'],
    [{ subtype: 'massIncident' }, null],
  ] as const)('%o → hazard %s', (incident, hazard) => {
    expect(teamHazardOfIncident(incident)).toBe(hazard)
  })

  it('SCENARIO step 11: in a flood the hazmat team guarding the park is held in reserve, with the reason', () => {
    const reserve = reserveFor({ type: 'hazmat', majorHazardsNearBase: 19 }, 'flood')
    expect(reserve?.zh).toBe('留守待命：驻地 5 公里内有重大危险源企业 19 家，防洪涝引发次生危化事故')
    const ranked = rankTeams([
      team({ id: 'hazmat', type: 'hazmat', capabilities: ['hazmat'], travelSeconds: 300, reserve }),
      team({ id: 'flood', type: 'flood', capabilities: ['flood'], travelSeconds: 18 * 60 }),
      team({ id: 'social', type: 'social', travelSeconds: 40 * 60 }),
    ], 'flood')
    expect(ranked.map((t) => [t.id, t.heldReason])).toEqual([['flood', null], ['social', null], ['hazmat', 'reserve']])
    expect(ranked[2]!.whyEn).toMatch(/held in reserve: 19 major-hazard enterprises within 5 km/)
  })

  it('no reserve for a chemical accident itself, for teams guarding nothing, or for other team types', () => {
    expect(reserveFor({ type: 'hazmat', majorHazardsNearBase: 19 }, 'hazmat')).toBeNull()
    expect(reserveFor({ type: 'hazmat', majorHazardsNearBase: 0 }, 'flood')).toBeNull()
    expect(reserveFor({ type: 'flood', majorHazardsNearBase: 19 }, 'flood')).toBeNull()
  })
})
