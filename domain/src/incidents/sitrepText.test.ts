import { describe, expect, it } from 'vitest'
import { composeSitrep, formatChineseDateTime, placeBeforeTitle, type SitrepInput } from './sitrepText.ts'

const base: SitrepInput = {
  number: 2,
  incident: {
    title: '乐安河镇桥段洪水', categoryName: '自然灾害', subtypeName: '洪涝灾害', place: ['乐平市', '镇桥镇'],
    occurredAt: new Date('2026-06-01T00:05:00Z'), description: '乐安河水位超警戒0.6米', facts: { deaths: 0, evacuated: 320, directLossYuan: 1_250_000 },
    accidentGradeName: null, reliefLevelName: null,
  },
  response: { planName: '乐平市防汛抗旱应急预案', level: 3, activatedAt: new Date('2026-06-01T01:00:00Z') },
  tasks: [
    { title: '加密水位监测', assignee: '水利局', status: 'done', feedback: '每30分钟报一次' },
    { title: '转移低洼群众', assignee: '镇桥镇人民政府', status: 'in_progress', overdue: true },
  ],
  resources: ['乐平市防汛抢险队（30人）'],
  warnings: [{ headline: '乐安河洪水橙色预警', levelName: '橙色', sentAt: new Date('2026-06-01T00:30:00Z') }],
  decisions: [{ at: new Date('2026-06-01T00:50:00Z'), text: '指挥长决定启动三级响应' }],
  now: new Date('2026-06-01T03:00:00Z'),
}

describe('situation report draft (续报)', () => {
  it('writes times in China Standard Time', () => {
    expect(formatChineseDateTime(new Date('2026-06-01T00:05:00Z'))).toBe('2026年6月1日8时5分')
  })

  it('has the official title and the three sections from the incident data', () => {
    const draft = composeSitrep(base)
    expect(draft.title).toBe('关于乐安河镇桥段洪水的续报（第2期）')
    expect(draft.sections.map((s) => s.heading)).toEqual(['一、基本情况', '二、处置情况', '三、下一步工作'])
    const [basic, actions, next] = draft.sections.map((s) => s.text)
    expect(basic).toContain('2026年6月1日8时5分，乐平市镇桥镇发生乐安河镇桥段洪水')
    expect(basic).toContain('紧急转移320人')
    expect(basic).toContain('直接经济损失约125万元')
    expect(actions).toContain('启动《乐平市防汛抗旱应急预案》Ⅲ级应急响应')
    expect(actions).toContain('共下达处置任务2项，已完成1项')
    expect(actions).toContain('（2）镇桥镇人民政府：转移低洼群众（处置中，已超时）')
    expect(actions).toContain('橙色“乐安河洪水橙色预警”')
    expect(actions).toContain('指挥长决定启动三级响应。')
    expect(next).toContain('未完成任务1项，对超时任务逐项核查')
  })

  it.each([
    // [place parts, title, place said before 发生]
    [['乐平市', '镇桥镇'], '乐安河镇桥段洪水', '乐平市镇桥镇'],
    // An alarm's title names the township and the station (the address): only the county is left.
    [['乐平市', '镇桥镇', '镇桥水位站'], '镇桥镇镇桥水位站超警戒水位（黄色）', '乐平市'],
    [['乐平市', '众埠镇', '界首村3组'], '众埠镇界首村3组山体滑坡', '乐平市'],
    // The title has the township, not the address.
    [['乐平市', '塔山街道', '翠平路12号'], '塔山街道居民楼火灾', '乐平市翠平路12号'],
    // The address repeats the division's name.
    [['乐平市', '镇桥镇', '镇桥镇人民路1号'], '一起道路交通事故', '乐平市镇桥镇人民路1号'],
    [['乐平市', '乐平市', ''], '乐平市化工园区泄漏', ''],
    [['乐平市', '', '  '], '山洪', '乐平市'],
  ] as const)('place %j with the title %s → %s', (place, title, expected) => {
    expect(placeBeforeTitle(place, title)).toBe(expected)
  })

  it('does not repeat the place the title already names', () => {
    const draft = composeSitrep({ ...base, incident: { ...base.incident, title: '镇桥镇镇桥水位站超警戒水位（黄色）', place: ['乐平市', '镇桥镇', '镇桥水位站'] } })
    expect(draft.sections[0]!.text).toMatch(/^2026年6月1日8时5分，乐平市发生镇桥镇镇桥水位站超警戒水位（黄色）（自然灾害·洪涝灾害）。/)
  })

  it('says when nothing is known yet', () => {
    const draft = composeSitrep({ ...base, incident: { ...base.incident, facts: {}, accidentGradeName: '较大事故' }, response: null, tasks: [], warnings: [], resources: [], decisions: [] })
    expect(draft.sections[0]!.text).toContain('人员伤亡和损失情况正在核实中')
    expect(draft.sections[0]!.text).toContain('初步定为较大事故')
    expect(draft.sections[1]!.text).toBe('尚未启动应急预案响应。')
  })
})
