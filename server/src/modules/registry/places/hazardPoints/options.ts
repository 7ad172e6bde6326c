/** The classifications of geological hazard points (地质灾害隐患点). */

/** 灾害类型 */
export const hazardTypes = [
  { value: 'landslide', label: '滑坡', labelEn: 'landslide' },
  { value: 'collapse', label: '崩塌', labelEn: 'collapse' },
  { value: 'debris_flow', label: '泥石流', labelEn: 'debris flow' },
  { value: 'subsidence', label: '地面塌陷', labelEn: 'ground subsidence' },
] as const

/** 规模等级 */
export const hazardScales = [
  { value: 'small', label: '小型', labelEn: 'small' },
  { value: 'medium', label: '中型', labelEn: 'medium' },
  { value: 'large', label: '大型', labelEn: 'large' },
  { value: 'huge', label: '特大型', labelEn: 'huge' },
] as const

/** 稳定性 */
export const hazardStabilities = [
  { value: 'stable', label: '稳定', labelEn: 'stable' },
  { value: 'fairly_stable', label: '基本稳定', labelEn: 'fairly stable' },
  { value: 'unstable', label: '不稳定', labelEn: 'unstable' },
] as const

/** 状态: 在册 (monitored), 已治理 (mitigated by works), 已核销 (struck off the register) */
export const hazardStatuses = [
  { value: 'active', label: '在册', labelEn: 'active' },
  { value: 'mitigated', label: '已治理', labelEn: 'mitigated' },
  { value: 'cancelled', label: '已核销', labelEn: 'cancelled' },
] as const
