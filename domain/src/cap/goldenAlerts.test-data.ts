/**
 * Golden alerts for the CAP tests: what Yingji emits (composed warnings: Alert, Update, Cancel)
 * and one alert by hand that uses every CAP element. Test data only.
 */
import { referenceTo } from './capReferences.ts'
import { composeWarningAlert, type WarningAlertInput } from './composeWarningAlert.ts'
import type { CapAlert } from './types.ts'

const sender = 'yjj@leping.gov.cn'

/** 暴雨橙色预警 for two townships of Leping, Chinese and English. */
export const rainstormInput: WarningAlertInput = {
  identifier: '360281000000_20260621102000_0',
  sender,
  sent: new Date('2026-06-21T02:20:00Z'),
  hazard: 'rainstorm',
  level: 'orange',
  onset: new Date('2026-06-21T03:00:00Z'),
  expires: new Date('2026-06-21T14:20:00Z'),
  senderName: { zh: '乐平市应急管理局', en: 'Leping Emergency Management Bureau' },
  description: {
    zh: '预计未来3小时内塔山街道、洎阳街道降雨量将达50毫米以上，并可能持续。',
    en: 'Rainfall of 50 mm or more is expected within 3 hours in Tashan and Jiyang subdistricts and may continue.',
  },
  instruction: { zh: '停止户外作业，远离河道、低洼地带；转移危险区域人员。', en: 'Stop outdoor work, keep away from rivers and low ground; move people out of danger zones.' },
  areas: [{ name: { zh: '乐平市塔山街道、洎阳街道', en: 'Tashan and Jiyang subdistricts, Leping' }, divisionCodes: ['360281001000', '360281002000'] }],
  web: 'https://yingji.example.cn/public/warnings/360281000000_20260621102000_0',
  contact: '0798-6822110',
}

export const rainstorm = composeWarningAlert(rainstormInput)

/** 地质灾害红色预警 over a drawn polygon, Chinese only, already observed. */
export const landslide = composeWarningAlert({
  identifier: '360281000000_20260622083000_0',
  sender,
  sent: new Date('2026-06-22T00:30:00Z'),
  hazard: 'geologicalHazard',
  level: 'red',
  certainty: 'Observed',
  expires: new Date('2026-06-23T00:30:00Z'),
  senderName: { zh: '乐平市自然资源局' },
  description: { zh: '众埠镇某村后山出现裂缝并持续扩大，滑坡风险很高。' },
  instruction: { zh: '立即撤离隐患点威胁范围内群众。' },
  areas: [{
    name: { zh: '众埠镇滑坡隐患点周边' },
    polygons: [[[117.2101, 29.0402], [117.2205, 29.0402], [117.2205, 29.0483], [117.2101, 29.0483], [117.2101, 29.0402]]],
  }],
})

/** The rainstorm warning raised to red (Update) over a 5 km circle. */
export const rainstormUpdate = composeWarningAlert({
  ...rainstormInput,
  identifier: '360281000000_20260621124000_0',
  sent: new Date('2026-06-21T04:40:00Z'),
  msgType: 'Update',
  references: [referenceTo(rainstorm)],
  level: 'red',
  areas: [{ name: { zh: '塔山街道周边5公里', en: 'Within 5 km of Tashan' }, circles: [{ lat: 28.9621, lon: 117.1291, radiusKm: 5 }] }],
})

/** Both earlier messages cancelled. */
export const rainstormCancel = composeWarningAlert({
  ...rainstormInput,
  identifier: '360281000000_20260621180000_0',
  sent: new Date('2026-06-21T10:00:00Z'),
  msgType: 'Cancel',
  references: [referenceTo(rainstorm), referenceTo(rainstormUpdate)],
  level: 'blue',
  description: { zh: '降雨已减弱，解除暴雨预警。', en: 'The rain has eased; the rainstorm warning is lifted.' },
  instruction: undefined,
})

/** A hazmat exercise to named addressees with every optional element and characters XML escapes. */
export const everyElement: CapAlert = {
  identifier: 'YJ-EXERCISE-0001',
  sender,
  sent: '2026-07-01T09:00:00+08:00',
  status: 'Exercise',
  msgType: 'Alert',
  source: '乐平市应急管理局值班室',
  scope: 'Private',
  addresses: 'duty@leping.gov.cn "乐平 化工园区"',
  codes: ['演练', 'IPAWSv1.0'],
  note: '演练消息 <不对外发布> & 仅供测试',
  incidents: 'INC-2026-0007',
  infos: [{
    language: 'zh-CN',
    categories: ['CBRNE', 'Safety'],
    event: '危化品泄漏',
    responseTypes: ['Shelter', 'Evacuate'],
    urgency: 'Immediate',
    severity: 'Severe',
    certainty: 'Observed',
    audience: '园区企业及周边村民',
    eventCodes: [{ valueName: 'YINGJI', value: 'hazmatLeak' }],
    effective: '2026-07-01T09:00:00+08:00',
    onset: '2026-07-01T08:50:00+08:00',
    expires: '2026-07-01T12:00:00+08:00',
    senderName: '乐平市应急管理局',
    headline: '“某化工公司”氯气泄漏 — 下风向1公里内人员立即撤离',
    description: 'Cl₂ 泄漏量约 0.5 t；风向 "NE"，风速 3 m/s；浓度 > 10 ppm & 持续上升。\n第二段说明。',
    instruction: "关闭门窗，用湿毛巾捂住口鼻，向上风向撤离（it's a drill）。",
    web: 'https://yingji.example.cn/exercise?id=1&lang=zh',
    contact: '应急值班 0798-6822110',
    parameters: [{ valueName: '预警级别', value: '橙色' }, { valueName: '演练', value: '' }],
    resources: [
      { resourceDesc: '疏散路线图', mimeType: 'image/png', size: 20480, uri: 'https://yingji.example.cn/files/route.png', digest: 'da39a3ee5e6b4b0d3255bfef95601890afd80709' },
      { resourceDesc: '说明', mimeType: 'text/plain', derefUri: '5ryU5bCG55So5LqO5rWL6K+V' },
    ],
    areas: [{
      areaDesc: '乐平工业园区下风向1公里',
      circles: [{ lat: 28.98, lon: 117.08, radiusKm: 1 }].map((c) => `${c.lat},${c.lon} ${c.radiusKm}`),
      geocodes: [{ valueName: 'GB/T 2260', value: '360281' }],
      altitude: 0,
      ceiling: 300.5,
    }],
  }],
}

export const goldenAlerts: { name: string; alert: CapAlert }[] = [
  { name: '暴雨橙色预警 (zh + en, division geocodes)', alert: rainstorm },
  { name: '地质灾害红色预警 (zh only, polygon)', alert: landslide },
  { name: 'Update: raised to red, circle, references the first', alert: rainstormUpdate },
  { name: 'Cancel: references both earlier messages', alert: rainstormCancel },
  { name: 'every CAP element, Private scope, characters XML escapes', alert: everyElement },
]
