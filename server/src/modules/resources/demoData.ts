/**
 * Leping's demo resources (every row synthetic): the supplies catalogue, ten depots with
 * opening stock, two reserves, fifteen teams with members. Names of organisations are made up
 * in the style of the real ones; phone numbers use the reserved-looking 0798-68xxxxx range.
 */
import type { DepotLevel } from './depots/schemas.ts'
import type { SupplyCategory } from './supplies/schemas.ts'
import type { HazardKey, TeamLevel, TeamType } from './teams/vocabulary.ts'

export interface DemoSupply { code: string; name: string; category: SupplyCategory; unit: string; spec?: string; shelfLifeMonths?: number }

export const demoSupplies: DemoSupply[] = [
  { code: 'SH-ZP-01', name: '单帐篷', category: 'living', unit: '顶', spec: '12 m² 救灾单帐篷' },
  { code: 'SH-ZP-02', name: '棉帐篷', category: 'living', unit: '顶', spec: '12 m² 救灾棉帐篷' },
  { code: 'SH-MB-01', name: '棉被', category: 'living', unit: '床', spec: '2 kg 救灾棉被' },
  { code: 'SH-MT-01', name: '毛毯', category: 'living', unit: '床' },
  { code: 'SH-ZDC-01', name: '折叠床', category: 'living', unit: '张' },
  { code: 'SH-MDY-01', name: '棉大衣', category: 'living', unit: '件' },
  { code: 'SH-YS-01', name: '饮用水', category: 'living', unit: '箱', spec: '550 ml × 24 瓶', shelfLifeMonths: 12 },
  { code: 'SH-SP-01', name: '方便食品', category: 'living', unit: '箱', spec: '方便面 24 袋', shelfLifeMonths: 6 },
  { code: 'SH-SP-02', name: '压缩饼干', category: 'living', unit: '箱', shelfLifeMonths: 24 },
  { code: 'SH-ZM-01', name: '应急照明灯', category: 'living', unit: '台' },
  { code: 'QX-PLB-01', name: '排涝泵', category: 'rescue', unit: '台', spec: '移动式 200 m³/h' },
  { code: 'QX-BZD-01', name: '编织袋', category: 'rescue', unit: '条', spec: '50 × 80 cm' },
  { code: 'QX-SD-01', name: '沙袋（成品）', category: 'rescue', unit: '条' },
  { code: 'QX-JSY-01', name: '救生衣', category: 'rescue', unit: '件' },
  { code: 'QX-JSQ-01', name: '救生圈', category: 'rescue', unit: '个' },
  { code: 'QX-FDJ-01', name: '柴油发电机', category: 'rescue', unit: '台', spec: '30 kW' },
  { code: 'QX-CFZ-01', name: '冲锋舟', category: 'rescue', unit: '艘' },
  { code: 'QX-FSB-01', name: '防水布', category: 'rescue', unit: '件', spec: '4 × 6 m' },
]

export interface DemoDepot { key: string; level: DepotLevel; name: string; division: string; offset: [number, number]; manager: string; phone: string; capacityNote: string }

/** Offsets (degrees) keep a depot off its division's label point, deterministically. */
export const demoDepots: DemoDepot[] = [
  { key: 'city', level: 'city', name: '乐平市应急物资储备库', division: '360281001000', offset: [0.006, -0.004], manager: '徐建国', phone: '0798-6812001', capacityNote: '库房 1,200 m²，市级储备' },
  { key: 'flood', level: 'city', name: '乐平市防汛抗旱物资仓库', division: '360281002000', offset: [-0.004, -0.003], manager: '程立新', phone: '0798-6812002', capacityNote: '库房 800 m²，防汛物资为主' },
  { key: 'zhenqiao', level: 'township', name: '镇桥镇应急物资储备库', division: '360281100000', offset: [0.002, 0.002], manager: '汪志强', phone: '0798-6812101', capacityNote: '库房 150 m²' },
  { key: 'legang', level: 'township', name: '乐港镇应急物资储备库', division: '360281101000', offset: [0.002, -0.002], manager: '洪卫东', phone: '0798-6812102', capacityNote: '库房 120 m²' },
  { key: 'zhongbu', level: 'township', name: '众埠镇应急物资储备库', division: '360281103000', offset: [-0.002, 0.002], manager: '李红梅', phone: '0798-6812103', capacityNote: '库房 150 m²' },
  { key: 'jiedu', level: 'township', name: '接渡镇应急物资储备库', division: '360281104000', offset: [0.003, 0.001], manager: '胡海涛', phone: '0798-6812104', capacityNote: '库房 100 m²' },
  { key: 'lilin', level: 'township', name: '礼林镇应急物资储备库', division: '360281106000', offset: [-0.001, -0.003], manager: '朱永辉', phone: '0798-6812105', capacityNote: '库房 100 m²' },
  { key: 'mingkou', level: 'township', name: '名口镇应急物资储备库', division: '360281112000', offset: [0.002, 0.003], manager: '余长青', phone: '0798-6812106', capacityNote: '库房 120 m²，临乐安河' },
  { key: 'lusi', level: 'township', name: '鸬鹚乡应急物资储备库', division: '360281200000', offset: [-0.003, 0.002], manager: '曹金生', phone: '0798-6812107', capacityNote: '库房 80 m²，临乐安河' },
  { key: 'tanghu', level: 'village', name: '塘湖村应急物资储备点', division: '360281100201', offset: [0.001, 0.001], manager: '吴桂花', phone: '0798-6812108', capacityNote: '村委会仓库 30 m²' },
]

/** Opening stock: [supply code, quantity, days until the batch expires (stock that expires), minimum]. */
export type DemoStock = [code: string, quantity: number, expiresInDays?: number, minimum?: number]

export const demoStock: Record<string, DemoStock[]> = {
  city: [
    ['SH-ZP-01', 600, undefined, 300], ['SH-ZP-02', 200], ['SH-MB-01', 2400, undefined, 1000], ['SH-MT-01', 800], ['SH-ZDC-01', 500],
    ['SH-MDY-01', 300], ['SH-YS-01', 1500, 240, 800], ['SH-YS-01', 400, 21], ['SH-SP-01', 600, 120, 300], ['SH-SP-02', 300, 500],
    ['SH-ZM-01', 200], ['QX-FDJ-01', 12, undefined, 10], ['QX-JSY-01', 800, undefined, 500],
  ],
  flood: [
    ['QX-PLB-01', 24, undefined, 20], ['QX-BZD-01', 60000, undefined, 50000], ['QX-SD-01', 8000], ['QX-JSY-01', 1200], ['QX-JSQ-01', 300],
    ['QX-CFZ-01', 8], ['QX-FDJ-01', 6], ['QX-FSB-01', 1500],
  ],
  zhenqiao: [['SH-ZP-01', 60, undefined, 50], ['SH-MB-01', 200, undefined, 150], ['QX-JSY-01', 120, undefined, 100], ['QX-PLB-01', 4, undefined, 3], ['QX-BZD-01', 5000], ['SH-YS-01', 150, 45]],
  legang: [['SH-ZP-01', 40, undefined, 50], ['SH-MB-01', 150, undefined, 150], ['QX-JSY-01', 100], ['QX-BZD-01', 4000], ['SH-YS-01', 80, 12]],
  zhongbu: [['SH-ZP-01', 50], ['SH-MB-01', 180], ['QX-JSY-01', 150, undefined, 100], ['QX-PLB-01', 3], ['QX-BZD-01', 6000, undefined, 5000], ['SH-SP-01', 60, 200]],
  jiedu: [['SH-ZP-01', 30], ['SH-MB-01', 120], ['QX-JSY-01', 60, undefined, 80], ['QX-BZD-01', 3000]],
  lilin: [['SH-ZP-01', 30], ['SH-MB-01', 100], ['QX-JSY-01', 80], ['QX-BZD-01', 3000], ['SH-YS-01', 100, 300]],
  mingkou: [['SH-ZP-01', 50], ['SH-MB-01', 200], ['QX-JSY-01', 200, undefined, 150], ['QX-PLB-01', 4], ['QX-BZD-01', 8000], ['QX-CFZ-01', 2], ['SH-YS-01', 120, -4]],
  lusi: [['SH-ZP-01', 40], ['SH-MB-01', 150], ['QX-JSY-01', 40, undefined, 100], ['QX-PLB-01', 2, undefined, 3], ['QX-BZD-01', 5000], ['QX-CFZ-01', 1]],
  tanghu: [['SH-MB-01', 30], ['QX-JSY-01', 20], ['QX-BZD-01', 500], ['SH-ZM-01', 10]],
}

export interface DemoReserve {
  kind: 'agreement' | 'capacity'
  supplierName: string
  division: string
  contactName: string
  contactPhone: string
  responseHours: number
  /** Contract from `startDays` to `endDays` relative to the seed day (agreements). */
  contract?: [startDays: number, endDays: number]
  note: string
  items: { code?: string; name?: string; unit?: string; quantity: number }[]
}

export const demoReserves: DemoReserve[] = [
  {
    kind: 'agreement', supplierName: '乐平市惠民连锁超市有限公司（示例）', division: '360281001000', contactName: '叶晓峰', contactPhone: '0798-6813001',
    responseHours: 4, contract: [-120, 245], note: '汛期随调随供；城区 4 小时、乡镇 8 小时送达',
    items: [{ code: 'SH-YS-01', quantity: 3000 }, { code: 'SH-SP-01', quantity: 1000 }, { name: '面包', unit: '箱', quantity: 500 }],
  },
  {
    kind: 'capacity', supplierName: '江西乐平示例塑编有限公司', division: '360281401000', contactName: '方国平', contactPhone: '0798-6813002',
    responseHours: 24, note: '编织袋紧急生产，日产能按两班计',
    items: [{ code: 'QX-BZD-01', quantity: 50000 }, { name: '防汛彩条布', unit: '件', quantity: 3000 }],
  },
]

export interface DemoMember { name: string; role?: string; skills: string[]; certificates: { name: string; number: string; expiresInDays: number | null }[] }

export interface DemoTeam {
  name: string
  type: TeamType
  level: TeamLevel
  division: string
  offset: [number, number]
  baseAddress: string
  leader: string
  phone: string
  headcount: number
  status: 'ready' | 'deployed' | 'resting' | 'unavailable'
  capabilities: HazardKey[]
  equipment: [string, number][]
  members: DemoMember[]
}

const militia = (town: string, division: string, offset: [number, number], leader: string, phone: string, members: [string, string][], riverside = false): DemoTeam => ({
  name: `${town}民兵应急排`, type: riverside ? 'flood' : 'comprehensive', level: 'township', division, offset,
  baseAddress: `${town}人民武装部`, leader, phone, headcount: 30, status: 'ready',
  capabilities: riverside ? ['flood', 'waterlogging', 'landslide'] : ['flood', 'forest_fire', 'landslide'],
  equipment: riverside ? [['救生衣', 40], ['冲锋舟', 1], ['排涝泵', 2]] : [['风力灭火机', 10], ['救生衣', 20], ['铁锹', 40]],
  members: members.map(([name, skill]) => ({ name, skills: [skill], certificates: [] })),
})

export const demoTeams: DemoTeam[] = [
  {
    name: '乐平市防汛抢险队', type: 'flood', level: 'city', division: '360281001000', offset: [0.008, -0.008], baseAddress: '乐平市水利局防汛仓库',
    leader: '邹国华', phone: '0798-6814001', headcount: 60, status: 'ready', capabilities: ['flood', 'waterlogging', 'water_rescue', 'rainstorm'],
    equipment: [['冲锋舟', 6], ['排涝泵', 10], ['救生衣', 200], ['柴油发电机', 4]],
    members: [
      { name: '邹国华', role: '队长', skills: ['堤防抢险', '指挥'], certificates: [{ name: '防汛抢险技术培训合格证', number: 'FX-2023-0011', expiresInDays: 420 }] },
      { name: '彭建军', role: '舟艇手', skills: ['冲锋舟驾驶'], certificates: [{ name: '内河船舶驾驶证', number: 'JX-NH-0917', expiresInDays: 35 }] },
      { name: '戴文斌', skills: ['排涝泵操作'], certificates: [] },
      { name: '汤小龙', skills: ['水域救援'], certificates: [{ name: '水域救援技术等级证', number: 'SY-0412', expiresInDays: 610 }] },
    ],
  },
  {
    name: '乐平市森林消防专业队', type: 'forest_fire', level: 'city', division: '360281002000', offset: [0.01, 0.006], baseAddress: '乐平市林业局',
    leader: '詹永胜', phone: '0798-6814002', headcount: 40, status: 'ready', capabilities: ['forest_fire', 'fire'],
    equipment: [['风力灭火机', 30], ['高压细水雾灭火机', 10], ['消防水泵', 8], ['巡护车', 3]],
    members: [
      { name: '詹永胜', role: '队长', skills: ['扑火指挥'], certificates: [{ name: '森林消防员职业资格', number: 'SL-0201', expiresInDays: 700 }] },
      { name: '柯志明', skills: ['风力灭火机'], certificates: [] },
      { name: '叶春来', skills: ['以水灭火'], certificates: [] },
    ],
  },
  {
    name: '江西乐平工业园区危化品应急救援队', type: 'hazmat', level: 'city', division: '360281401000', offset: [0.004, 0.003], baseAddress: '江西乐平工业园区消防站',
    leader: '黄振宇', phone: '0798-6814003', headcount: 35, status: 'ready', capabilities: ['hazmat', 'fire'],
    equipment: [['重型防化服', 20], ['正压式空气呼吸器', 30], ['有毒气体检测仪', 12], ['泡沫消防车', 2], ['堵漏工具组', 4]],
    members: [
      { name: '黄振宇', role: '队长', skills: ['危化品处置', '堵漏'], certificates: [{ name: '危险化学品应急救援员', number: 'WH-1103', expiresInDays: 380 }] },
      { name: '毛俊杰', skills: ['侦检'], certificates: [{ name: '危险化学品应急救援员', number: 'WH-1187', expiresInDays: 530 }] },
      { name: '石磊', skills: ['洗消'], certificates: [] },
    ],
  },
  {
    name: '乐平市蓝天救援队', type: 'social', level: 'city', division: '360281001000', offset: [-0.006, 0.005], baseAddress: '洎阳街道（队部）',
    leader: '蔡晓东', phone: '0798-6814004', headcount: 45, status: 'ready', capabilities: ['water_rescue', 'flood', 'landslide', 'earthquake'],
    equipment: [['橡皮艇', 4], ['救生抛投器', 6], ['无人机', 3], ['破拆工具组', 2]],
    members: [
      { name: '蔡晓东', role: '队长', skills: ['水域救援', '搜救'], certificates: [{ name: '水域救援技术等级证', number: 'LT-0088', expiresInDays: 300 }] },
      { name: '刘佳', skills: ['无人机'], certificates: [{ name: '民用无人机操控员执照', number: 'UAV-5521', expiresInDays: 820 }] },
      { name: '何俊', skills: ['绳索救援'], certificates: [] },
    ],
  },
  {
    name: '乐平市红十字应急救护志愿队', type: 'social', level: 'city', division: '360281002000', offset: [-0.005, -0.006], baseAddress: '乐平市红十字会',
    leader: '丁慧', phone: '0798-6814005', headcount: 30, status: 'ready', capabilities: ['medical', 'flood'],
    equipment: [['急救包', 40], ['AED', 4], ['担架', 10]],
    members: [
      { name: '丁慧', role: '队长', skills: ['心肺复苏', '创伤救护'], certificates: [{ name: '红十字救护员证', number: 'HS-3302', expiresInDays: 450 }] },
      { name: '邓小燕', skills: ['心理疏导'], certificates: [{ name: '红十字救护员证', number: 'HS-3377', expiresInDays: 900 }] },
    ],
  },
  {
    name: '乐平市人民医院医疗救护队', type: 'medical', level: 'city', division: '360281001000', offset: [0.003, 0.007], baseAddress: '乐平市人民医院',
    leader: '钟伟', phone: '0798-6814006', headcount: 25, status: 'ready', capabilities: ['medical'],
    equipment: [['救护车', 3], ['移动手术包', 2], ['急救药箱', 20]],
    members: [
      { name: '钟伟', role: '队长', skills: ['急诊外科'], certificates: [{ name: '医师执业证书', number: 'YS-360281-017', expiresInDays: null }] },
      { name: '熊丽', skills: ['急诊护理'], certificates: [{ name: '护士执业证书', number: 'HS-360281-205', expiresInDays: 1200 }] },
    ],
  },
  {
    name: '乐平市矿山救护队', type: 'mine', level: 'city', division: '360281102000', offset: [0.004, -0.004], baseAddress: '涌山镇',
    leader: '章宏伟', phone: '0798-6814007', headcount: 20, status: 'resting', capabilities: ['mine', 'collapse'],
    equipment: [['正压氧气呼吸器', 20], ['多功能气体检测仪', 6], ['液压支护设备', 2]],
    members: [
      { name: '章宏伟', role: '中队长', skills: ['矿山救护'], certificates: [{ name: '矿山救护队员资格证', number: 'KS-0061', expiresInDays: 260 }] },
      { name: '罗成', skills: ['矿山救护'], certificates: [{ name: '矿山救护队员资格证', number: 'KS-0075', expiresInDays: 480 }] },
    ],
  },
  {
    name: '乐平市综合应急救援大队', type: 'comprehensive', level: 'city', division: '360281001000', offset: [-0.008, -0.002], baseAddress: '乐平市应急管理局',
    leader: '许正阳', phone: '0798-6814008', headcount: 50, status: 'ready',
    capabilities: ['flood', 'landslide', 'collapse', 'earthquake', 'fire', 'traffic', 'snow_ice'],
    equipment: [['生命探测仪', 2], ['破拆工具组', 4], ['照明车', 1], ['柴油发电机', 3]],
    members: [
      { name: '许正阳', role: '大队长', skills: ['指挥', '搜救'], certificates: [{ name: '应急救援员（三级）', number: 'YJ-3-0102', expiresInDays: 390 }] },
      { name: '吕斌', skills: ['破拆'], certificates: [] },
      { name: '段明', skills: ['生命探测'], certificates: [{ name: '应急救援员（四级）', number: 'YJ-4-0311', expiresInDays: 150 }] },
    ],
  },
  militia('镇桥镇', '360281100000', [0.003, -0.002], '程国庆', '0798-6814101', [['程国庆', '指挥'], ['汪立', '堤防巡查']]),
  militia('乐港镇', '360281101000', [-0.003, 0.003], '洪海波', '0798-6814102', [['洪海波', '指挥'], ['王勇', '机械操作']], true),
  militia('众埠镇', '360281103000', [0.002, 0.004], '胡建平', '0798-6814103', [['胡建平', '指挥'], ['张伟', '冲锋舟驾驶']], true),
  militia('接渡镇', '360281104000', [-0.002, -0.002], '杨光', '0798-6814104', [['杨光', '指挥'], ['李强', '扑火']]),
  militia('礼林镇', '360281106000', [0.001, 0.003], '朱卫国', '0798-6814105', [['朱卫国', '指挥'], ['周斌', '堤防巡查']], true),
  militia('名口镇', '360281112000', [-0.003, -0.001], '余振华', '0798-6814106', [['余振华', '指挥'], ['江涛', '冲锋舟驾驶']], true),
  militia('鸬鹚乡', '360281200000', [0.002, -0.003], '曹新民', '0798-6814107', [['曹新民', '指挥'], ['曹俊', '排涝泵操作']], true),
]
