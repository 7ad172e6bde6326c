/**
 * The device catalogue (设备类型): each type's metrics and units, and its default rule set
 * from the domain rule engine (domain/src/monitoring/defaultRules.ts). Where the API names a
 * type or metric differently from the domain (gas_lel for combustible_gas, pressure in MPa,
 * the phreatic line as `phreatic_m`), the domain rules are rewritten here, once.
 */
import { defaultRuleSet, type DeviceType as DomainDeviceType } from '@yingji/domain/monitoring/defaultRules'
import type { Condition, RuleDefinition } from '@yingji/domain/monitoring/ruleDefinition'

export interface MetricInfo {
  metric: string
  name: string
  nameEn: string
  unit: string
}

export interface DeviceTypeInfo {
  type: string
  name: string
  nameEn: string
  metrics: MetricInfo[]
}

const m = (metric: string, name: string, nameEn: string, unit: string): MetricInfo => ({ metric, name, nameEn, unit })

export const deviceTypes: readonly DeviceTypeInfo[] = [
  { type: 'rain_gauge', name: '雨量站', nameEn: 'Rain gauge', metrics: [m('rainfall_mm', '降雨量（自上次上报）', 'Rainfall since previous report', 'mm')] },
  { type: 'water_level', name: '水位站', nameEn: 'Water-level station', metrics: [m('level_m', '水位', 'Water level', 'm')] },
  { type: 'gas_lel', name: '可燃气体探测器', nameEn: 'Combustible gas detector', metrics: [m('lel_pct', '可燃气体浓度', 'Combustible gas', '%LEL')] },
  { type: 'toxic_gas', name: '有毒气体探测器', nameEn: 'Toxic gas detector', metrics: [m('ppm', '有毒气体浓度', 'Toxic gas', 'ppm')] },
  {
    type: 'tank', name: '储罐', nameEn: 'Storage tank',
    metrics: [m('temperature_c', '温度', 'Temperature', '°C'), m('pressure_mpa', '压力', 'Pressure', 'MPa'), m('level_pct', '液位', 'Level', '%')],
  },
  {
    type: 'tailings_pond', name: '尾矿库', nameEn: 'Tailings pond',
    metrics: [m('phreatic_m', '浸润线埋深', 'Phreatic line depth', 'm'), m('pond_level_m', '库水位', 'Pond level', 'm'), m('displacement_mm', '坝体位移', 'Dam displacement', 'mm')],
  },
  { type: 'gnss', name: '地灾 GNSS/裂缝计', nameEn: 'GNSS / crack meter', metrics: [m('displacement_mm', '累计位移', 'Displacement', 'mm')] },
  {
    type: 'weather', name: '气象站', nameEn: 'Weather station',
    metrics: [m('temperature_c', '气温', 'Temperature', '°C'), m('humidity_pct', '相对湿度', 'Humidity', '%'), m('wind_ms', '风速', 'Wind speed', 'm/s')],
  },
  { type: 'video_ai', name: '视频智能识别', nameEn: 'Video AI', metrics: [m('event', '识别事件', 'Detected event', 'count')] },
]

export const deviceTypeKeys = deviceTypes.map((t) => t.type)

const byType = new Map(deviceTypes.map((t) => [t.type, t]))

export function deviceTypeInfo(type: string): DeviceTypeInfo | undefined {
  return byType.get(type)
}

export function metricUnit(type: string, metric: string): string | undefined {
  return byType.get(type)?.metrics.find((x) => x.metric === metric)?.unit
}

interface Rewrite {
  domainType: DomainDeviceType
  metrics?: Record<string, string>
  params?: Record<string, string>
}

const rewrites: Record<string, Rewrite> = {
  rain_gauge: { domainType: 'rain_gauge' },
  water_level: { domainType: 'water_level' },
  gas_lel: { domainType: 'combustible_gas' },
  toxic_gas: { domainType: 'toxic_gas' },
  tank: { domainType: 'tank', metrics: { pressure_kpa: 'pressure_mpa' }, params: { highKPa: 'highMPa', highHighKPa: 'highHighMPa' } },
  tailings_pond: { domainType: 'tailings_pond', metrics: { phreatic_depth_m: 'phreatic_m' } },
  gnss: { domainType: 'gnss' },
  weather: { domainType: 'weather' },
  video_ai: { domainType: 'video_ai' },
}

/** Default rules of an API device type, in the API's metric and parameter names. */
export function defaultRulesFor(type: string): RuleDefinition[] {
  const rewrite = rewrites[type]
  if (!rewrite) return []
  const rules = defaultRuleSet(rewrite.domainType)
  if (!rewrite.metrics && !rewrite.params) return rules
  const metric = (name: string) => rewrite.metrics?.[name] ?? name
  const param = (name: string) => rewrite.params?.[name] ?? name
  const ref = <T>(value: T): T =>
    (value && typeof value === 'object' && 'param' in value ? { param: param((value as { param: string }).param) } : value) as T
  const condition = (c: Condition): Condition => {
    switch (c.kind) {
      case 'threshold':
        return { ...c, metric: metric(c.metric), value: ref(c.value) }
      case 'noData':
        return c.metric === undefined ? c : { ...c, metric: metric(c.metric) }
      default:
        return { ...c, of: c.of.map(condition) }
    }
  }
  return rules.map((rule) => ({
    ...rule,
    params: rule.params ? Object.fromEntries(Object.entries(rule.params).map(([k, v]) => [param(k), v])) : rule.params,
    levels: rule.levels.map((level) => ({ ...level, when: condition(level.when) })),
  }))
}
