import { describe, expect, it } from 'vitest'
import { dingtalkMarkdown, emailSubject, smsText, wecomMarkdown, type WarningContent } from './deliveryMessages.ts'
import { smsSegmentCount } from './smsSegments.ts'

const warning: WarningContent = {
  msgType: 'Alert', level: 'orange', headline: '乐平市气象台发布暴雨橙色预警', description: '预计未来3小时镇桥镇降雨量将达50毫米以上。',
  instruction: '低洼地带人员注意转移', areaDesc: '镇桥镇', expires: '2026-11-29T12:00:00Z', senderName: '乐平应急',
}
const ack = 'https://yj.example.cn/public/warnings/ack/abc'

describe('channel message formats', () => {
  it('SMS names sender, level, area, action, end time (Beijing) and the confirmation link', () => {
    expect(smsText(warning, ack)).toBe(`【乐平应急】发布橙色预警：乐平市气象台发布暴雨橙色预警。范围：镇桥镇。低洼地带人员注意转移有效至11月29日20:00。确认收到：${ack}`)
    expect(smsSegmentCount(smsText(warning, ack))).toBe(2)
  })
  it('a Cancel says 解除 and an Update 更新', () => {
    expect(smsText({ ...warning, msgType: 'Cancel' }, ack)).toMatch(/^【乐平应急】解除橙色预警：/)
    expect(emailSubject({ ...warning, msgType: 'Update' })).toBe('【更新橙色预警】乐平市气象台发布暴雨橙色预警')
  })
  it('WeCom and DingTalk markdown carry the link as a markdown link', () => {
    expect(wecomMarkdown(warning, ack)).toContain(`[确认收到](${ack})`)
    const d = dingtalkMarkdown(warning, ack)
    expect(d.title).toBe('发布橙色预警：乐平市气象台发布暴雨橙色预警')
    expect(d.text).toContain(`[确认收到](${ack})`)
  })
})
