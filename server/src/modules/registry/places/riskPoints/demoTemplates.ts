/**
 * Typical risk points of Leping's enterprises and public places, for the demo: the unit, its
 * hazards, the LEC or LS factors a safety officer would give it, three control measures (one
 * per level) and the first actions in an emergency. Made up, but of the kind listed in
 * provincial 双重预防 guidance.
 */
import type { ControlLevel } from './queries.ts'

export interface RiskTemplate {
  name: string
  placeType: string
  factors: { method: 'LEC'; likelihood: number; exposure: number; consequence: number } | { method: 'LS'; likelihood: number; severity: number }
  hazards: string
  consequences: string
  measures: [ControlLevel, string][]
  emergency: string
}

const lec = (likelihood: number, exposure: number, consequence: number) => ({ method: 'LEC' as const, likelihood, exposure, consequence })
const ls = (likelihood: number, severity: number) => ({ method: 'LS' as const, likelihood, severity })

const tankFarm: RiskTemplate = {
  name: '液氯储罐区', placeType: '储罐区', factors: lec(3, 6, 40),
  hazards: '液氯储罐、管道、阀门泄漏\n储罐超装、超压', consequences: '中毒和窒息、容器爆炸',
  measures: [['company', '储罐区设置有毒气体报警并与紧急切断阀联锁'], ['workshop', '每月检查安全阀、液位计、压力表'], ['post', '每两小时巡检一次并记录']],
  emergency: '发现泄漏立即报告，佩戴正压式空气呼吸器关闭阀门，启动碱液吸收装置，疏散下风向人员',
}
const reactor: RiskTemplate = {
  name: '氯化反应釜', placeType: '生产装置', factors: lec(3, 6, 15),
  hazards: '反应失控超温超压\n物料泄漏', consequences: '火灾、爆炸、中毒',
  measures: [['company', '反应釜温度、压力与进料紧急切断联锁（SIS）'], ['workshop', '严格执行工艺卡片，交接班核对参数'], ['team', '每班检查冷却水系统']],
  emergency: '超温时立即停止进料、加大冷却，必要时紧急泄放；人员撤离至上风向安全区域',
}
const loading: RiskTemplate = {
  name: '危化品装卸站台', placeType: '装卸区', factors: lec(3, 3, 15),
  hazards: '装卸软管破裂泄漏\n静电积聚', consequences: '火灾、爆炸、中毒',
  measures: [['workshop', '装卸前检查软管和静电接地'], ['team', '装卸全程专人监护'], ['post', '车辆熄火、拉手刹、垫三角木']],
  emergency: '立即停止装卸、关闭阀门，用沙土围堵泄漏物，禁止一切火源',
}
const fuelUnloading: RiskTemplate = {
  name: '油罐车卸油区', placeType: '卸油区', factors: lec(1, 6, 15),
  hazards: '卸油时油品溢出\n油气积聚遇明火', consequences: '火灾、爆炸',
  measures: [['company', '安装卸油防溢装置和油气回收系统'], ['team', '卸油时站长到场监护'], ['post', '卸油前静置 15 分钟并连接静电接地']],
  emergency: '立即停止卸油，关闭阀门，用灭火毯、干粉灭火器扑救初期火灾，疏散加油车辆和人员',
}
const mixing: RiskTemplate = {
  name: '药物混合工房', placeType: '危险工房', factors: lec(3, 6, 40),
  hazards: '烟火药摩擦、撞击、静电引燃\n超量、超员作业', consequences: '火药爆炸、火灾',
  measures: [['company', '严格执行定员定量，工房门口公示'], ['workshop', '使用防静电工具，工房地面铺设导静电胶板'], ['post', '进入工房前触摸人体静电释放器']],
  emergency: '发生燃爆立即撤离至安全距离外并报警，严禁人员返回抢救物品',
}
const fireworksStore: RiskTemplate = {
  name: '成品仓库', placeType: '仓库', factors: lec(1, 6, 40),
  hazards: '成品超量储存\n雷击、火种进入', consequences: '火灾、爆炸',
  measures: [['company', '仓库设置防雷设施并每年检测'], ['workshop', '按核定药量储存，账物相符'], ['post', '出入库登记，严禁携带火种']],
  emergency: '初期火灾用消防水扑救，火势蔓延时立即撤离并设置警戒区',
}
const blasting: RiskTemplate = {
  name: '采场爆破作业', placeType: '采场', factors: lec(3, 3, 40),
  hazards: '爆破飞石\n盲炮处理不当', consequences: '放炮伤害、物体打击',
  measures: [['company', '爆破作业委托有资质单位并审批设计'], ['workshop', '爆破前设置警戒、鸣哨清场'], ['post', '盲炮由原爆破员按规程处理']],
  emergency: '发生伤害立即停止作业、设置警戒，组织急救并拨打 120',
}
const slope: RiskTemplate = {
  name: '采场边坡', placeType: '边坡', factors: ls(3, 4),
  hazards: '台阶高度、坡面角超标\n雨后坡体松动', consequences: '坍塌、物体打击',
  measures: [['company', '委托边坡稳定性评价并在线监测位移'], ['workshop', '雨后复工前检查边坡'], ['team', '清理浮石后再作业']],
  emergency: '发现裂缝或掉块立即撤出作业人员和设备，设置警戒并报告',
}
const tailingsDam: RiskTemplate = {
  name: '尾矿库坝体', placeType: '尾矿库', factors: ls(3, 5),
  hazards: '浸润线过高、干滩长度不足\n汛期洪水漫顶', consequences: '溃坝、淹溺',
  measures: [['company', '在线监测浸润线、库水位、坝体位移'], ['workshop', '汛前检查排洪设施'], ['post', '每日巡坝并记录']],
  emergency: '出现险情立即报告，通知下游人员撤离，组织抢险加固',
}
const furnace: RiskTemplate = {
  name: '熔炼炉', placeType: '生产装置', factors: lec(3, 6, 15),
  hazards: '熔融金属喷溅\n炉体冷却水泄漏遇高温', consequences: '灼烫、爆炸',
  measures: [['company', '冷却水流量、温度监测并与供电联锁'], ['workshop', '炉前地面保持干燥，不得有积水'], ['post', '穿戴阻燃防护服和面罩']],
  emergency: '立即停电停炉，疏散炉前人员，烫伤者用清水冲洗并送医',
}
const confinedSpace: RiskTemplate = {
  name: '污水池有限空间', placeType: '有限空间', factors: ls(2, 5),
  hazards: '硫化氢、缺氧\n未经检测进入', consequences: '中毒和窒息',
  measures: [['company', '有限空间作业实行审批'], ['workshop', '先通风、再检测、后作业'], ['post', '设专人监护，佩戴安全绳']],
  emergency: '严禁盲目施救，佩戴正压式呼吸器后救援，拨打 120',
}
const switchRoom: RiskTemplate = {
  name: '配电室', placeType: '配电室', factors: ls(2, 3),
  hazards: '带电设备\n小动物进入短路', consequences: '触电、火灾',
  measures: [['workshop', '配电室上锁，持证电工操作'], ['team', '每周检查挡鼠板和绝缘用具'], ['post', '停电检修挂牌上锁']],
  emergency: '立即切断电源，用干燥木棍使触电者脱离电源，实施心肺复苏',
}

export const enterpriseTemplates: Record<string, RiskTemplate[]> = {
  hazchem_production: [tankFarm, reactor, loading],
  hazchem_use: [reactor, switchRoom],
  hazchem_trading: [fuelUnloading],
  fireworks: [mixing, fireworksStore],
  non_coal_mine: [blasting, slope],
  tailings_pond: [tailingsDam],
  metallurgy_trade: [furnace, confinedSpace],
  other: [switchRoom],
}

export const publicPlaceTemplates: RiskTemplate[] = [
  {
    name: '商场营业区', placeType: '人员密集场所', factors: ls(2, 4),
    hazards: '节假日人员密集\n疏散通道堵塞', consequences: '拥挤踩踏、火灾',
    measures: [['company', '节假日限流并增派安保'], ['workshop', '每日检查疏散通道、安全出口'], ['post', '消防控制室 24 小时值班']],
    emergency: '广播引导顾客从就近安全出口疏散，开启排烟，报警 119',
  },
  {
    name: '汽车客运站候车厅', placeType: '人员密集场所', factors: lec(1, 6, 7),
    hazards: '旅客携带易燃易爆物品\n人员聚集', consequences: '火灾、拥挤踩踏',
    measures: [['company', '三品检查全覆盖'], ['workshop', '高峰期增开检票口'], ['post', '巡查候车厅']],
    emergency: '发现可疑物品立即隔离并报警 110，组织旅客有序疏散',
  },
  {
    name: '城镇燃气调压站', placeType: '燃气设施', factors: lec(1, 6, 40),
    hazards: '燃气管道、调压器泄漏', consequences: '火灾、爆炸',
    measures: [['company', '安装燃气泄漏报警并远传'], ['workshop', '每月检测调压器'], ['post', '每日巡检并记录']],
    emergency: '关闭上游阀门，设置警戒区，禁止火源和电气开关操作，报警 119',
  },
  {
    name: '在建工地深基坑', placeType: '建筑工地', factors: lec(3, 6, 7),
    hazards: '基坑支护变形\n临边防护缺失', consequences: '坍塌、高处坠落',
    measures: [['company', '基坑监测由第三方实施'], ['workshop', '雨后检查支护和排水'], ['team', '临边设置防护栏杆']],
    emergency: '发现变形立即停工撤人，设置警戒，报告建设主管部门',
  },
  {
    name: '学校食堂', placeType: '学校', factors: ls(2, 3),
    hazards: '燃气灶具泄漏\n食品安全', consequences: '火灾、食物中毒',
    measures: [['company', '食堂安装燃气报警和熄火保护'], ['workshop', '食品留样 48 小时'], ['post', '下班关闭燃气总阀']],
    emergency: '关闭燃气阀门，疏散学生，出现中毒症状立即送医并报告',
  },
  {
    name: '水库大坝', placeType: '水利设施', factors: ls(2, 5),
    hazards: '汛期高水位\n坝体渗漏', consequences: '溃坝、淹溺',
    measures: [['company', '汛期落实巡查责任人'], ['workshop', '每日观测库水位和渗流'], ['post', '汛期 24 小时值守']],
    emergency: '出现险情立即报告防汛指挥部，通知下游群众转移',
  },
  {
    name: '乡镇集贸市场', placeType: '人员密集场所', factors: ls(3, 3),
    hazards: '电气线路私拉乱接\n液化气瓶使用', consequences: '火灾',
    measures: [['company', '统一规范电气线路'], ['workshop', '每周检查摊位用火用电'], ['post', '配置灭火器并定期检查']],
    emergency: '扑救初期火灾，疏散人员，报警 119',
  },
]
