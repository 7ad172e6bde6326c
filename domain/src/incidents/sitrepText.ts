/**
 * The text of a situation report (续报): an official-style draft composed from an incident's
 * data — 一、基本情况 (what happened, casualties and losses, grading), 二、处置情况 (response
 * activated, tasks and their state, forces deployed, warnings issued, decisions), 三、下一步工作.
 * Times are China Standard Time (UTC+8). A person edits the draft before it is issued.
 */

export interface SitrepFacts {
  deaths?: number
  missing?: number
  injured?: number
  seriousInjuries?: number
  affected?: number
  evacuated?: number
  directLossYuan?: number
}

export interface SitrepInput {
  /** 第N期 */
  number: number
  incident: {
    title: string
    categoryName: string
    subtypeName: string
    /** Where, from the largest to the smallest: county, division, address (empty parts ignored). */
    place: readonly string[]
    occurredAt: Date
    description: string
    facts: SitrepFacts
    /** e.g. 较大事故 */
    accidentGradeName?: string | null
    /** e.g. 四级响应 (suggested) */
    reliefLevelName?: string | null
  }
  response: { planName: string; level: number; activatedAt: Date } | null
  tasks: readonly { title: string; assignee: string; status: string; feedback?: string | null; overdue?: boolean }[]
  resources: readonly string[]
  warnings: readonly { headline: string; levelName: string; sentAt: Date | null }[]
  decisions: readonly { at: Date; text: string }[]
  now: Date
}

export interface SitrepSection {
  key: 'basic' | 'actions' | 'next'
  heading: string
  text: string
}

export interface SitrepDraft {
  title: string
  sections: SitrepSection[]
}

const cst = (d: Date) => new Date(d.getTime() + 8 * 3_600_000)

/** 2026年6月1日8时5分 (China Standard Time) */
export function formatChineseDateTime(d: Date): string {
  const t = cst(d)
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日${t.getUTCHours()}时${t.getUTCMinutes()}分`
}

/** 2026年6月1日 (China Standard Time) */
export function formatChineseDate(d: Date): string {
  const t = cst(d)
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日`
}

const levelRoman = ['', 'Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ']

/** Ⅳ级 for 4 */
export const responseLevelName = (level: number) => `${levelRoman[level] ?? level}级`

const statusWords: Record<string, string> = { assigned: '已下达', accepted: '已接收', in_progress: '处置中', done: '已完成', blocked: '受阻' }

function yuan(n: number): string {
  return n >= 10_000 ? `${Number((n / 10_000).toFixed(2))}万元` : `${n}元`
}

function factsSentence(f: SitrepFacts): string {
  const parts: string[] = []
  if (f.deaths !== undefined) parts.push(`死亡${f.deaths}人`)
  if (f.missing !== undefined) parts.push(`失踪${f.missing}人`)
  if (f.injured !== undefined) parts.push(`受伤${f.injured}人`)
  if (f.seriousInjuries !== undefined && f.seriousInjuries > 0) parts.push(`其中重伤${f.seriousInjuries}人`)
  if (f.affected !== undefined) parts.push(`受灾${f.affected}人`)
  if (f.evacuated !== undefined) parts.push(`紧急转移${f.evacuated}人`)
  if (f.directLossYuan !== undefined) parts.push(`直接经济损失约${yuan(f.directLossYuan)}`)
  return parts.length ? `目前已造成${parts.join('，')}。` : '人员伤亡和损失情况正在核实中。'
}

/**
 * The place said before 发生, without what the title already says (an alarm's title names its
 * township and station) and without a part the next one repeats (镇桥镇 + 镇桥镇人民路1号).
 */
export function placeBeforeTitle(place: readonly string[], title: string): string {
  const parts = place.map((p) => p.trim()).filter(Boolean)
  return parts.filter((p, n) => !title.includes(p) && !parts.slice(n + 1).some((later) => later.includes(p))).join('')
}

export function composeSitrep(input: SitrepInput): SitrepDraft {
  const { incident: i } = input
  const basic = [
    `${formatChineseDateTime(i.occurredAt)}，${placeBeforeTitle(i.place, i.title)}发生${i.title}（${i.categoryName}·${i.subtypeName}）。`,
    i.description.trim() ? `${i.description.trim().replace(/[。.]?$/, '。')}` : '',
    factsSentence(i.facts),
    i.accidentGradeName ? `按《生产安全事故报告和调查处理条例》，初步定为${i.accidentGradeName}。` : '',
    i.reliefLevelName ? `按自然灾害救助应急预案，灾情达到${i.reliefLevelName}启动条件（建议）。` : '',
  ].filter(Boolean).join('')

  const actions: string[] = []
  if (input.response) {
    actions.push(`${formatChineseDateTime(input.response.activatedAt)}，启动《${input.response.planName}》${responseLevelName(input.response.level)}应急响应。`)
  } else {
    actions.push('尚未启动应急预案响应。')
  }
  for (const d of input.decisions) actions.push(`${formatChineseDateTime(d.at)}，${d.text.trim().replace(/[。.]?$/, '。')}`)
  if (input.tasks.length) {
    const done = input.tasks.filter((t) => t.status === 'done').length
    actions.push(`共下达处置任务${input.tasks.length}项，已完成${done}项：`)
    input.tasks.forEach((t, n) => {
      const feedback = t.feedback?.trim() ? `，反馈：${t.feedback.trim()}` : ''
      actions.push(`（${n + 1}）${t.assignee}：${t.title}（${statusWords[t.status] ?? t.status}${t.overdue ? '，已超时' : ''}${feedback}）。`)
    })
  }
  if (input.resources.length) actions.push(`投入力量：${input.resources.join('；')}。`)
  if (input.warnings.length) {
    actions.push(`发布预警${input.warnings.length}次：${input.warnings.map((w) => `${w.sentAt ? formatChineseDateTime(w.sentAt) : ''}${w.levelName}“${w.headline}”`).join('；')}。`)
  }

  const open = input.tasks.filter((t) => t.status !== 'done')
  const next = [
    open.length ? `继续督促落实未完成任务${open.length}项${open.some((t) => t.overdue) ? '，对超时任务逐项核查' : ''}。` : '',
    '密切关注事态发展，加强监测预警和值班值守，及时核实并续报伤亡和损失情况。',
  ].filter(Boolean).join('')

  return {
    title: `关于${i.title}的续报（第${input.number}期）`,
    sections: [
      { key: 'basic', heading: '一、基本情况', text: basic },
      { key: 'actions', heading: '二、处置情况', text: actions.join('\n') },
      { key: 'next', heading: '三、下一步工作', text: next },
    ],
  }
}
