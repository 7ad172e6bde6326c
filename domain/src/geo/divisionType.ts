/**
 * The type of a division (区划类型), told from its level and the suffix of its name when a code
 * list gives none. The suffixes follow the NBS 统计用区划代码 naming: 街道办事处 (subdistrict),
 * 镇, 乡, 居民委员会/社区 (residents' committee), 村民委员会 (villagers' committee)…
 */
import type { DivisionLevel } from './divisionCode.ts'

const suffixes: Record<DivisionLevel, ReadonlyArray<readonly [suffix: string, type: string]>> = {
  province: [['自治区', '自治区'], ['省', '省'], ['市', '直辖市']],
  prefecture: [['自治州', '自治州'], ['地区', '地区'], ['盟', '盟'], ['市', '地级市']],
  county: [['自治县', '自治县'], ['县', '县'], ['市', '县级市'], ['区', '市辖区'], ['旗', '旗']],
  township: [['街道办事处', '街道'], ['街道', '街道'], ['民族乡', '民族乡'], ['镇', '镇'], ['乡', '乡'], ['苏木', '苏木']],
  village: [['村民委员会', '村委会'], ['村委会', '村委会'], ['居民委员会', '居委会'], ['居委会', '居委会'], ['社区', '居委会'], ['生活区', '场区生活区'], ['虚拟社区', '虚拟社区'], ['村', '村委会']],
}

/** What a unit is called when its name says nothing (开发区, 农场…): NBS's "other" types. */
const otherType: Record<DivisionLevel, string> = {
  province: '其他', prefecture: '其他', county: '其他', township: '其他(开发区/园区)', village: '其他',
}

export function inferDivisionType(level: DivisionLevel, name: string): string {
  // 虚拟社区 ends in 社区 too: the longer suffix decides.
  const match = suffixes[level].filter(([suffix]) => name.endsWith(suffix)).sort((a, b) => b[0].length - a[0].length)[0]
  return match ? match[1] : otherType[level]
}
