/**
 * Demonstration plans for Leping (synthetic). Names follow the plans a county government keeps;
 * their TEXTS were not retrieved, so every threshold below is CONFIGURATION unless a comment says
 * it comes from a verified national rule:
 *  - 危险化学品事故: Decree 493 Art. 3 accident grades (V, accident-grading.md §1), level n = grade n.
 *  - 自然灾害救助: the national 2024 plan's structure; a county's own thresholds are NV
 *    (disaster-relief-response.md §2) — the values used are the non-Leping county example's
 *    level-II row (V for that county only) scaled, marked NV.
 *  - 防汛抗旱: water level above 警戒水位 and warning colours — NV (Leping's plan not retrieved).
 */
import type { PlanContent } from './planContent.ts'
import type { FilingStatus, PlanType } from './planTypes.ts'

export interface DemoPlan extends PlanContent {
  key: string
  name: string
  type: PlanType
  hazardTypes: string[]
  ownerDepartment: string
  issuingAuthority: string
  documentNumber: string
  version: string
  /** Months before "today" the plan was issued (dates are relative so flags stay meaningful) */
  issuedMonthsAgo: number
  filingStatus: FilingStatus
  filedWith: string | null
  drillIntervalMonths: number | null
  /** Drills, months before today */
  drills: { monthsAgo: number; type: 'tabletop' | 'live'; name: string; participants: string; evaluation: string; problems: string }[]
}

const county = '乐平市人民政府'

export const lepingDemoPlans: DemoPlan[] = [
  {
    key: 'overall',
    name: '乐平市突发事件总体应急预案',
    type: 'overall',
    hazardTypes: [],
    ownerDepartment: '乐平市应急管理局',
    issuingAuthority: county,
    documentNumber: '乐府发〔2024〕示例1号',
    version: '2024',
    issuedMonthsAgo: 20,
    filingStatus: 'filed',
    filedWith: '景德镇市人民政府',
    drillIntervalMonths: null,
    drills: [{ monthsAgo: 8, type: 'tabletop', name: '2026年综合应急桌面推演', participants: '市应急委成员单位 32 家', evaluation: '流程清楚，信息报送及时', problems: '部分乡镇联络员变更未更新' }],
    organisation: {
      headquarters: '乐平市突发事件应急委员会',
      commander: '市长',
      deputyCommanders: ['常务副市长', '分管副市长'],
      office: '市应急管理局',
      memberDepartments: ['市应急管理局', '市公安局', '市消防救援大队', '市卫生健康委员会', '市水利局', '市自然资源局', '市气象局', '各乡镇人民政府'],
      groups: [
        { name: '综合协调组', lead: '市应急管理局', members: ['市政府办'], duties: '信息汇总、会商、续报' },
        { name: '抢险救援组', lead: '市消防救援大队', members: ['市应急管理局', '市公安局'], duties: '人员搜救、现场处置' },
        { name: '医疗救治组', lead: '市卫生健康委员会', members: [], duties: '伤员救治、卫生防疫' },
      ],
    },
    levels: [
      // Overall-plan levels follow the incident grades; the death bounds mirror Decree 493 (V) as
      // the general rule for 事故灾难; other classes are decided by the commander (criteria null).
      { level: 1, name: 'Ⅰ级响应', description: '特别重大突发事件', criteria: { any: [{ fact: 'deaths', op: '>=', value: 30 }] }, checklist: [] },
      { level: 2, name: 'Ⅱ级响应', description: '重大突发事件', criteria: { any: [{ fact: 'deaths', op: '>=', value: 10 }] }, checklist: [] },
      {
        level: 3, name: 'Ⅲ级响应', description: '较大突发事件', criteria: { any: [{ fact: 'deaths', op: '>=', value: 3 }] },
        checklist: [{ assigneeKind: 'department', assignee: '市应急管理局', task: '1小时内向景德镇市报告事件信息', deadlineMinutes: 60 }],
      },
      {
        level: 4, name: 'Ⅳ级响应', description: '一般突发事件（需市级协调）',
        criteria: { any: [{ fact: 'deaths', op: '>=', value: 1 }, { fact: 'missing', op: '>=', value: 1 }] }, // NV: configuration
        checklist: [{ assigneeKind: 'department', assignee: '市应急管理局', task: '启动值班会商，汇总事件信息', deadlineMinutes: 30 }],
      },
    ],
  },
  {
    key: 'flood',
    name: '乐平市防汛抗旱应急预案',
    type: 'special',
    hazardTypes: ['flood', 'rainstorm', 'drought', 'typhoon'],
    ownerDepartment: '乐平市水利局',
    issuingAuthority: county,
    documentNumber: '乐府办字〔2024〕示例2号',
    version: '2024',
    issuedMonthsAgo: 30,
    filingStatus: 'filed',
    filedWith: '景德镇市防汛抗旱指挥部',
    // Drilled before every flood season (configuration; the 3-year rule is the legal minimum).
    drillIntervalMonths: 12,
    drills: [
      { monthsAgo: 26, type: 'live', name: '乐安河防汛抢险实战演练', participants: '市防汛抢险队、镇桥镇、水利局 120 人', evaluation: '抢险队 40 分钟到位', problems: '沙袋储备点距离堤段较远' },
      { monthsAgo: 14, type: 'tabletop', name: '2025年汛前防汛桌面推演', participants: '防指成员单位 18 家', evaluation: '响应流程熟悉', problems: '转移名单未与网格员核对' },
    ],
    organisation: {
      headquarters: '乐平市防汛抗旱指挥部',
      commander: '市长',
      deputyCommanders: ['分管副市长', '市人武部部长'],
      office: '市应急管理局（市防指办公室）',
      memberDepartments: ['市水利局', '市应急管理局', '市气象局', '市自然资源局', '市交通运输局', '市住建局', '市公安局', '市人武部', '各乡镇人民政府'],
      groups: [
        { name: '监测预警组', lead: '市水利局', members: ['市气象局', '市自然资源局'], duties: '雨情、水情、汛情监测与预报预警' },
        { name: '抢险救援组', lead: '市应急管理局', members: ['市人武部', '市消防救援大队', '防汛抢险队'], duties: '堤防巡查抢险、人员搜救' },
        { name: '转移安置组', lead: '各乡镇人民政府', members: ['市民政局', '市公安局'], duties: '危险区群众转移、安置点管理' },
        { name: '物资保障组', lead: '市应急管理局', members: ['市发改委', '市交通运输局'], duties: '防汛物资调拨运输' },
      ],
    },
    levels: [
      {
        level: 1, name: 'Ⅰ级响应', description: '特大洪水或重大险情',
        // NV: configuration (Leping's plan text not retrieved)
        criteria: { any: [{ fact: 'waterLevelAboveWarningM', op: '>=', value: 2 }, { fact: 'deaths', op: '>=', value: 10 }, { fact: 'affectedPeople', op: '>=', value: 100_000 }] },
        checklist: [
          { assigneeKind: 'department', assignee: '市应急管理局', task: '提请市委市政府主要领导坐镇指挥，请求上级支援', deadlineMinutes: 30 },
          { assigneeKind: 'department', assignee: '市水利局', task: '每小时报送乐安河水情及堤防险情', deadlineMinutes: 60 },
          { assigneeKind: 'township', assignee: '各乡镇人民政府', task: '全面转移危险区群众，落实安置', deadlineMinutes: 120 },
        ],
      },
      {
        level: 2, name: 'Ⅱ级响应', description: '大洪水或较大险情',
        criteria: { any: [{ fact: 'warningLevel', op: '>=', value: 'red' }, { fact: 'waterLevelAboveWarningM', op: '>=', value: 1 }, { fact: 'deaths', op: '>=', value: 3 }] }, // NV
        checklist: [
          { assigneeKind: 'department', assignee: '市应急管理局', task: '防指分管领导坐镇指挥，派出工作组', deadlineMinutes: 60 },
          { assigneeKind: 'teamType', assignee: 'flood', task: '抢险队全员到岗，赴重点堤段驻守', deadlineMinutes: 60 },
          { assigneeKind: 'township', assignee: '各乡镇人民政府', task: '组织低洼地带和危险区群众转移', deadlineMinutes: 120 },
          { assigneeKind: 'department', assignee: '市水利局', task: '每2小时报送水情，加密堤防巡查', deadlineMinutes: 120 },
        ],
      },
      {
        level: 3, name: 'Ⅲ级响应', description: '较大洪水',
        criteria: { any: [{ fact: 'warningLevel', op: '>=', value: 'orange' }, { fact: 'waterLevelAboveWarningM', op: '>=', value: 0.5 }] }, // NV
        checklist: [
          { assigneeKind: 'department', assignee: '市水利局', task: '派专家组指导堤防巡查和险情处置', deadlineMinutes: 120 },
          { assigneeKind: 'teamType', assignee: 'flood', task: '抢险队集结待命，检查抢险物资', deadlineMinutes: 60 },
          { assigneeKind: 'township', assignee: '各乡镇人民政府', task: '落实巡堤人员，准备转移预案', deadlineMinutes: 120 },
          { assigneeKind: 'department', assignee: '市气象局', task: '每3小时滚动发布降雨预报', deadlineMinutes: 180 },
        ],
      },
      {
        level: 4, name: 'Ⅳ级响应', description: '一般洪水：河道水位超警戒',
        criteria: { any: [{ fact: 'warningLevel', op: '>=', value: 'blue' }, { fact: 'waterLevelAboveWarningM', op: '>=', value: 0 }] }, // NV
        checklist: [
          { assigneeKind: 'department', assignee: '市水利局', task: '加密水文监测，每3小时报送乐安河水位', deadlineMinutes: 180 },
          { assigneeKind: 'township', assignee: '各乡镇人民政府', task: '组织巡堤查险，通知危险区群众做好转移准备', deadlineMinutes: 120 },
          { assigneeKind: 'teamType', assignee: 'flood', task: '防汛抢险队进入待命状态', deadlineMinutes: 60 },
          { assigneeKind: 'department', assignee: '市应急管理局', task: '启动24小时值班，检查防汛物资储备', deadlineMinutes: 60 },
          { assigneeKind: 'department', assignee: '市气象局', task: '发布滚动天气预报，及时更新预警', deadlineMinutes: 180 },
        ],
      },
    ],
  },
  {
    key: 'geo',
    name: '乐平市地质灾害应急预案',
    type: 'special',
    hazardTypes: ['geologicalHazard'],
    ownerDepartment: '乐平市自然资源局',
    issuingAuthority: county,
    documentNumber: '乐府办字〔2023〕示例3号',
    version: '2023',
    issuedMonthsAgo: 40,
    filingStatus: 'filed',
    filedWith: '景德镇市自然资源局',
    drillIntervalMonths: null,
    drills: [{ monthsAgo: 10, type: 'live', name: '塔山街道滑坡避险演练', participants: '隐患点群测群防员、村民 80 人', evaluation: '转移用时 25 分钟', problems: '预警喇叭覆盖不足' }],
    organisation: null,
    levels: [
      // 地质灾害 grades (死亡/受威胁人数/损失) — values NV, configuration.
      { level: 1, name: 'Ⅰ级响应', description: '特大型地质灾害险情或灾情', criteria: { any: [{ fact: 'deaths', op: '>=', value: 30 }, { fact: 'directLossYuan', op: '>=', value: 10_000_000 }] }, checklist: [] },
      { level: 2, name: 'Ⅱ级响应', description: '大型地质灾害', criteria: { any: [{ fact: 'deaths', op: '>=', value: 10 }, { fact: 'directLossYuan', op: '>=', value: 5_000_000 }] }, checklist: [] },
      { level: 3, name: 'Ⅲ级响应', description: '中型地质灾害', criteria: { any: [{ fact: 'deaths', op: '>=', value: 3 }, { fact: 'directLossYuan', op: '>=', value: 1_000_000 }] }, checklist: [] },
      {
        level: 4, name: 'Ⅳ级响应', description: '小型地质灾害或橙色及以上地质灾害气象风险预警',
        criteria: { any: [{ fact: 'warningLevel', op: '>=', value: 'orange' }, { fact: 'deaths', op: '>=', value: 1 }, { fact: 'evacuated', op: '>=', value: 1 }] },
        checklist: [
          { assigneeKind: 'department', assignee: '市自然资源局', task: '派技术人员赴现场调查险情', deadlineMinutes: 120 },
          { assigneeKind: 'township', assignee: '各乡镇人民政府', task: '组织隐患点受威胁群众撤离', deadlineMinutes: 60 },
        ],
      },
    ],
  },
  {
    key: 'hazchem',
    name: '乐平市危险化学品事故应急预案',
    type: 'special',
    hazardTypes: ['hazmatLeak', 'hazmatAccident'],
    ownerDepartment: '乐平市应急管理局',
    issuingAuthority: county,
    documentNumber: '乐府办字〔2024〕示例4号',
    version: '2024',
    issuedMonthsAgo: 3,
    filingStatus: 'pending',
    filedWith: null,
    drillIntervalMonths: null,
    drills: [],
    organisation: {
      headquarters: '乐平市危险化学品事故应急指挥部',
      commander: '分管副市长',
      deputyCommanders: ['市应急管理局局长'],
      office: '市应急管理局',
      memberDepartments: ['市应急管理局', '市消防救援大队', '市生态环境局', '市卫生健康委员会', '市公安局', '江西乐平工业园区管委会'],
      groups: [
        { name: '现场处置组', lead: '市消防救援大队', members: ['危化救援队'], duties: '堵漏、洗消、灭火' },
        { name: '环境监测组', lead: '市生态环境局', members: [], duties: '大气和水体监测' },
        { name: '警戒疏散组', lead: '市公安局', members: ['各乡镇人民政府'], duties: '警戒、交通管制、疏散' },
      ],
    },
    // Decree 493 Art. 3 (V): deaths / serious injuries incl. acute industrial poisoning / direct loss.
    levels: [
      { level: 1, name: 'Ⅰ级响应', description: '特别重大事故', criteria: { any: [{ fact: 'deaths', op: '>=', value: 30 }, { fact: 'seriousInjuries', op: '>=', value: 100 }, { fact: 'directLossYuan', op: '>=', value: 100_000_000 }] }, checklist: [] },
      { level: 2, name: 'Ⅱ级响应', description: '重大事故', criteria: { any: [{ fact: 'deaths', op: '>=', value: 10 }, { fact: 'seriousInjuries', op: '>=', value: 50 }, { fact: 'directLossYuan', op: '>=', value: 50_000_000 }] }, checklist: [] },
      {
        level: 3, name: 'Ⅲ级响应', description: '较大事故', criteria: { any: [{ fact: 'deaths', op: '>=', value: 3 }, { fact: 'seriousInjuries', op: '>=', value: 10 }, { fact: 'directLossYuan', op: '>=', value: 10_000_000 }] },
        checklist: [{ assigneeKind: 'department', assignee: '市应急管理局', task: '1小时内上报景德镇市应急管理局', deadlineMinutes: 60 }],
      },
      {
        level: 4, name: 'Ⅳ级响应', description: '一般事故（任何危化品泄漏、火灾、爆炸）',
        // Level IV: any hazchem accident — the 一般事故 grade has no lower bound (V); any leak counts (configuration).
        criteria: { any: [{ fact: 'hazardType', op: 'in', values: ['hazmatLeak', 'hazmatAccident'] }] },
        checklist: [
          { assigneeKind: 'teamType', assignee: 'hazmat', task: '危化救援队出动，佩戴防护装备侦检', deadlineMinutes: 30 },
          { assigneeKind: 'department', assignee: '市生态环境局', task: '在下风向布设监测点', deadlineMinutes: 60 },
          { assigneeKind: 'department', assignee: '市公安局', task: '设置警戒区并实施交通管制', deadlineMinutes: 30 },
        ],
      },
    ],
  },
  {
    key: 'forestFire',
    name: '乐平市森林火灾应急预案',
    type: 'special',
    hazardTypes: ['forestFire'],
    ownerDepartment: '乐平市林业局',
    issuingAuthority: county,
    documentNumber: '乐府办字〔2022〕示例5号',
    version: '2022',
    issuedMonthsAgo: 44,
    filingStatus: 'filed',
    filedWith: '景德镇市林业局',
    drillIntervalMonths: null,
    drills: [],
    organisation: null,
    levels: [
      // 森林火灾 grades (受害森林面积/伤亡) — area is not an IncidentFact yet; casualty bounds NV.
      { level: 1, name: 'Ⅰ级响应', description: '特别重大森林火灾', criteria: { any: [{ fact: 'deaths', op: '>=', value: 30 }, { fact: 'seriousInjuries', op: '>=', value: 100 }] }, checklist: [] },
      { level: 2, name: 'Ⅱ级响应', description: '重大森林火灾', criteria: { any: [{ fact: 'deaths', op: '>=', value: 10 }, { fact: 'seriousInjuries', op: '>=', value: 50 }] }, checklist: [] },
      { level: 3, name: 'Ⅲ级响应', description: '较大森林火灾', criteria: { any: [{ fact: 'deaths', op: '>=', value: 3 }, { fact: 'seriousInjuries', op: '>=', value: 10 }] }, checklist: [] },
      {
        level: 4, name: 'Ⅳ级响应', description: '一般森林火灾', criteria: { any: [{ fact: 'hazardType', op: 'in', values: ['forestFire'] }] },
        checklist: [{ assigneeKind: 'teamType', assignee: 'forest_fire', task: '森林消防队出动扑救', deadlineMinutes: 30 }],
      },
    ],
  },
  {
    key: 'relief',
    name: '乐平市自然灾害救助应急预案',
    type: 'special',
    hazardTypes: ['flood', 'rainstorm', 'geologicalHazard', 'drought', 'typhoon', 'earthquake', 'coldWave', 'gale'],
    ownerDepartment: '乐平市应急管理局',
    issuingAuthority: county,
    documentNumber: '乐府办字〔2024〕示例6号',
    version: '2024',
    issuedMonthsAgo: 38,
    filingStatus: 'filed',
    filedWith: '景德镇市应急管理局',
    drillIntervalMonths: null,
    drills: [{ monthsAgo: 20, type: 'tabletop', name: '自然灾害救助桌面推演', participants: '减灾委成员单位', evaluation: '物资调拨流程清楚', problems: '灾情统计口径不一' }],
    organisation: null,
    // Structure of 国家自然灾害救助应急预案 2024 §5 (any one criterion suffices); county thresholds NV —
    // configuration modelled on the non-Leping county example (level II: 5–9 deaths+missing,
    // 1,200 relocated/aid, 500 rooms) in disaster-relief-response.md §2.
    levels: [
      { level: 1, name: '一级响应', description: '死亡和失踪 ≥ 10 人等', criteria: { any: [{ fact: 'deaths', op: '>=', value: 10 }, { fact: 'evacuated', op: '>=', value: 2000 }, { fact: 'damagedRooms', op: '>=', value: 1000 }] }, checklist: [] },
      { level: 2, name: '二级响应', description: '死亡和失踪 5–9 人等', criteria: { any: [{ fact: 'deaths', op: '>=', value: 5 }, { fact: 'evacuated', op: '>=', value: 1200 }, { fact: 'damagedRooms', op: '>=', value: 500 }] }, checklist: [] },
      { level: 3, name: '三级响应', description: '死亡和失踪 3–4 人等', criteria: { any: [{ fact: 'deaths', op: '>=', value: 3 }, { fact: 'evacuated', op: '>=', value: 600 }, { fact: 'damagedRooms', op: '>=', value: 200 }] }, checklist: [] },
      {
        level: 4, name: '四级响应', description: '死亡和失踪 1–2 人等',
        criteria: { any: [{ fact: 'deaths', op: '>=', value: 1 }, { fact: 'missing', op: '>=', value: 1 }, { fact: 'evacuated', op: '>=', value: 300 }, { fact: 'damagedRooms', op: '>=', value: 50 }] },
        checklist: [
          { assigneeKind: 'department', assignee: '市应急管理局', task: '调拨帐篷、棉被等救灾物资', deadlineMinutes: 240 },
          { assigneeKind: 'township', assignee: '各乡镇人民政府', task: '开放避难场所，保障受灾群众基本生活', deadlineMinutes: 600 },
        ],
      },
    ],
  },
]
