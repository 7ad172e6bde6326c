/**
 * The text of a warning on each channel (预警消息格式). Pure: the channel adapters
 * (server/src/modules/warnings/channels/) send what these return.
 *
 * Every message names the sender, the level and what to do, and ends with the confirmation
 * link (确认收到) that marks the delivery acknowledged. An Update says 更新, a Cancel says 解除.
 */

export type WarningLevel = 'blue' | 'yellow' | 'orange' | 'red'
export type WarningMsgType = 'Alert' | 'Update' | 'Cancel'

export const levelNames: Record<WarningLevel, { zh: string; en: string }> = {
  blue: { zh: '蓝色', en: 'Blue' },
  yellow: { zh: '黄色', en: 'Yellow' },
  orange: { zh: '橙色', en: 'Orange' },
  red: { zh: '红色', en: 'Red' },
}

export interface WarningContent {
  msgType: WarningMsgType
  level: WarningLevel
  headline: string
  description: string
  instruction: string | null
  areaDesc: string
  /** ISO time the warning ends */
  expires: string
  /** Who issues, e.g. 乐平市应急管理局 */
  senderName: string
}

const prefixOf = (w: WarningContent) => (w.msgType === 'Cancel' ? '解除' : w.msgType === 'Update' ? '更新' : '发布')

/** Beijing time `MM月DD日HH:mm` of an ISO instant */
export function beijingTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${p(d.getUTCMonth() + 1)}月${p(d.getUTCDate())}日${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`
}

/** SMS: 【sender】 short and complete; split into parts by the gateway (smsSegments.ts). */
export function smsText(w: WarningContent, ackUrl: string): string {
  const level = levelNames[w.level].zh
  if (w.msgType === 'Cancel') return `【${w.senderName}】解除${level}预警：${w.headline}。${w.areaDesc}。确认收到：${ackUrl}`
  const todo = w.instruction ? `${w.instruction}` : ''
  return `【${w.senderName}】${prefixOf(w)}${level}预警：${w.headline}。范围：${w.areaDesc}。${todo}有效至${beijingTime(w.expires)}。确认收到：${ackUrl}`
}

export function emailSubject(w: WarningContent): string {
  return `【${prefixOf(w)}${levelNames[w.level].zh}预警】${w.headline}`
}

/** Plain-text email body (the HTML part is the same lines in <p>). */
export function emailLines(w: WarningContent, ackUrl: string): string[] {
  return [
    `${w.senderName}${prefixOf(w)}${levelNames[w.level].zh}预警（${levelNames[w.level].en} warning, ${w.msgType}）`,
    w.headline,
    `范围 Area：${w.areaDesc}`,
    w.description,
    ...(w.instruction ? [`防御指南 Instructions：${w.instruction}`] : []),
    `有效至 Expires：${beijingTime(w.expires)}（北京时间）`,
    `请点击确认收到 Please confirm receipt：${ackUrl}`,
  ]
}

const markdownColour: Record<WarningLevel, string> = { blue: 'info', yellow: 'warning', orange: 'warning', red: 'warning' }

/** WeCom group-robot markdown (企业微信群机器人, ≤ 4096 bytes; `<font color>` info|comment|warning). */
export function wecomMarkdown(w: WarningContent, ackUrl: string): string {
  return [
    `### <font color="${markdownColour[w.level]}">${prefixOf(w)}${levelNames[w.level].zh}预警</font>：${w.headline}`,
    `> 范围：${w.areaDesc}`,
    `> 有效至：${beijingTime(w.expires)}`,
    w.description,
    ...(w.instruction ? [`**防御指南**：${w.instruction}`] : []),
    `[确认收到](${ackUrl})`,
  ].join('\n')
}

/** DingTalk group-robot markdown (钉钉自定义机器人): a title for the notification and the text. */
export function dingtalkMarkdown(w: WarningContent, ackUrl: string): { title: string; text: string } {
  return {
    title: `${prefixOf(w)}${levelNames[w.level].zh}预警：${w.headline}`,
    text: [
      `### ${prefixOf(w)}${levelNames[w.level].zh}预警：${w.headline}`,
      `> 范围：${w.areaDesc}  `,
      `> 有效至：${beijingTime(w.expires)}`,
      '',
      w.description,
      ...(w.instruction ? ['', `**防御指南**：${w.instruction}`] : []),
      '',
      `[确认收到](${ackUrl})`,
    ].join('\n'),
  }
}

/** Dashboard/app push: a title and a body. */
export function appNotice(w: WarningContent): { title: string; body: string } {
  return { title: emailSubject(w), body: [w.description, w.instruction ?? ''].filter(Boolean).join('\n') }
}
