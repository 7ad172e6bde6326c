import { describe, expect, it } from 'vitest'
import { inferDivisionType } from './divisionType.ts'

describe('inferDivisionType (区划类型 from the NBS name suffix)', () => {
  it.each([
    { level: 'county', name: '乐平市', expected: '县级市' },
    { level: 'county', name: '浮梁县', expected: '县' },
    { level: 'county', name: '昌江区', expected: '市辖区' },
    { level: 'township', name: '洎阳街道', expected: '街道' },
    { level: 'township', name: '新平街道办事处', expected: '街道' },
    { level: 'township', name: '镇桥镇', expected: '镇' },
    { level: 'township', name: '鸬鹚乡', expected: '乡' },
    { level: 'township', name: '江西乐平工业园区', expected: '其他(开发区/园区)' },
    { level: 'village', name: '友谊居委会', expected: '居委会' },
    { level: 'village', name: '朝阳社区居民委员会', expected: '居委会' },
    { level: 'village', name: '某某村民委员会', expected: '村委会' },
    { level: 'village', name: '文山分场生活区', expected: '场区生活区' },
    { level: 'village', name: '江西乐平工业园虚拟社区', expected: '虚拟社区' },
    { level: 'village', name: '某某农场', expected: '其他' },
  ] as const)('$name is a $expected', ({ level, name, expected }) => {
    expect(inferDivisionType(level, name)).toBe(expected)
  })
})
