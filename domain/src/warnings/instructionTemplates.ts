/**
 * Instruction templates per hazard × level (防御指南模板): the description and what people are
 * asked to do, in Chinese and English, prefilled when a warning is drafted by hand or from an
 * alarm. `{area}` in a text is replaced by the area's name. The texts paraphrase the usual
 * public guidance of Chinese warning signals (暴雨预警信号防御指南 and the like, warnings.md §2–5);
 * the exact wording of the official 防御指南 was not verified (NV), so the whole table is data a
 * deployment may replace (`InstructionTemplates`).
 */
import type { HazardEventKey } from '../cap/hazardEvents.ts'
import { defaultHazardEvents, hazardEventKeys } from '../cap/hazardEvents.ts'
import { warningLevelInfo, warningLevels, type WarningLevel } from '../cap/warningLevels.ts'

export interface Bilingual { zh: string; en: string }

export interface InstructionTemplate {
  description: Bilingual
  instruction: Bilingual
}

export type InstructionTemplates = Readonly<Partial<Record<HazardEventKey, Readonly<Partial<Record<WarningLevel, InstructionTemplate>>>>>>

const t = (descriptionZh: string, descriptionEn: string, instructionZh: string, instructionEn: string): InstructionTemplate => ({
  description: { zh: descriptionZh, en: descriptionEn },
  instruction: { zh: instructionZh, en: instructionEn },
})

export const defaultInstructionTemplates: InstructionTemplates = {
  // 暴雨 — thresholds of the CMA rainstorm signal (warnings.md §2, V)
  rainstorm: {
    blue: t('预计未来12小时内{area}降雨量将达50毫米以上，或者已达50毫米以上且降雨可能持续。', 'Rainfall in {area} is expected to reach 50 mm or more within 12 hours, or has reached it and may continue.',
      '注意防范暴雨；检查城市、农田、鱼塘排水系统，做好排涝准备；学校、幼儿园采取适当措施保证学生和幼儿安全。',
      'Prepare for heavy rain; check drainage of streets, fields and fish ponds; schools and kindergartens keep children safe.'),
    yellow: t('预计未来6小时内{area}降雨量将达50毫米以上，或者已达50毫米以上且降雨可能持续。', 'Rainfall in {area} is expected to reach 50 mm or more within 6 hours, or has reached it and may continue.',
      '做好防暴雨准备；交通管理部门对积水路段实行交通引导；切断低洼地带有危险的室外电源，暂停在空旷地方的户外作业；检查排水系统，做好排涝。',
      'Get ready for heavy rain; traffic police guide traffic around flooded roads; cut dangerous outdoor power in low-lying areas and stop outdoor work in open places; clear drains.'),
    orange: t('预计未来3小时内{area}降雨量将达50毫米以上，或者已达50毫米以上且降雨可能持续。', 'Rainfall in {area} is expected to reach 50 mm or more within 3 hours, or has reached it and may continue.',
      '做好防暴雨应急工作；切断有危险的室外电源，暂停户外作业；处于危险地带的单位应当停课、停业，采取专门措施保护已到校学生、幼儿和其他上班人员的安全；做好城市、农田的排涝，注意防范可能引发的山洪、滑坡、泥石流等灾害。',
      'Act now against the rainstorm; cut dangerous outdoor power and stop outdoor work; schools and businesses in danger zones close and protect those present; drain streets and fields; watch for flash floods, landslides and debris flows.'),
    red: t('预计未来3小时内{area}降雨量将达100毫米以上，或者已达100毫米以上且降雨可能持续。', 'Rainfall in {area} is expected to reach 100 mm or more within 3 hours, or has reached it and may continue.',
      '做好防暴雨应急和抢险工作；停止集会、停课、停业（除特殊行业外）；做好山洪、滑坡、泥石流等灾害的防御和抢险工作；危险地带人员立即转移至安全场所。',
      'Emergency and rescue against the rainstorm; stop gatherings, classes and business (essential services excepted); defend against flash floods, landslides and debris flows; people in danger zones move to safety at once.'),
  },
  flood: {
    blue: t('{area}河道水位上涨，预计将接近警戒水位。', 'Rivers in {area} are rising and expected to approach the warning water level.',
      '关注水情变化，加强堤防巡查；涉水作业和沿河活动注意安全。', 'Follow water levels and patrol embankments; take care near rivers and when working in water.'),
    yellow: t('{area}河道水位预计将超过警戒水位。', 'Rivers in {area} are expected to exceed the warning water level.',
      '防汛责任人上岗到位，加强堤防、水库巡查；停止河道内作业，船只回港；低洼地带群众做好转移准备。',
      'Flood-control officers at their posts; patrol embankments and reservoirs; stop work in river channels, boats return to port; people in low areas prepare to move.'),
    orange: t('{area}河道水位预计将明显超过警戒水位，可能发生较大洪水。', 'Rivers in {area} are expected to rise well above the warning water level; a major flood may occur.',
      '组织低洼地带和沿河危险区群众转移；抢险队伍和物资到位，严防死守重点堤段；关闭涉水景区，禁止涉水通行。',
      'Move people out of low-lying and riverside danger zones; rescue teams and supplies in place, guard key embankments; close riverside sites and forbid wading.'),
    red: t('{area}河道水位预计将接近或超过保证水位，可能发生大洪水。', 'Rivers in {area} are expected to approach or exceed the guaranteed water level; a severe flood may occur.',
      '危险区群众立即全部转移；全力抢险，保障堤防安全；停止一切涉水活动，听从防汛指挥机构统一指挥。',
      'Everyone in danger zones moves out now; all-out flood fighting to hold the embankments; stop all activity near water and follow the flood command.'),
  },
  // 地质灾害气象风险预警 — risk wording of warnings.md §3 (NV)
  geologicalHazard: {
    blue: t('{area}发生崩塌、滑坡、泥石流等地质灾害有一定风险。', 'There is some risk of collapses, landslides and debris flows in {area}.',
      '群测群防员加强隐患点巡查，注意观察裂缝、渗水等变形迹象。', 'Hazard-point monitors patrol more often and watch for cracks, seepage and other signs of movement.'),
    yellow: t('{area}发生崩塌、滑坡、泥石流等地质灾害风险较高。', 'The risk of collapses, landslides and debris flows in {area} is relatively high.',
      '加密隐患点巡查监测；受威胁群众做好转移准备；避免在陡坡、沟谷处停留。', 'Monitor hazard points more closely; threatened residents prepare to move; do not linger on steep slopes or in gullies.'),
    orange: t('{area}发生崩塌、滑坡、泥石流等地质灾害风险高。', 'The risk of collapses, landslides and debris flows in {area} is high.',
      '组织隐患点受威胁群众转移避让；加强24小时监测值守；危险路段实行交通管制。', 'Move residents threatened by hazard points; keep 24-hour watch; close dangerous road sections.'),
    red: t('{area}发生崩塌、滑坡、泥石流等地质灾害风险很高。', 'The risk of collapses, landslides and debris flows in {area} is very high.',
      '受威胁群众立即全部转移至安全地带，严禁返回；停止危险区域内一切作业和活动；抢险队伍进入待命状态。',
      'All threatened residents move to safe ground now and do not return; stop all work and activity in danger zones; rescue teams on standby.'),
  },
  forestFire: {
    blue: t('{area}森林火险等级较高，林内可燃物较易点燃。', 'Forest fire danger in {area} is elevated; fuels ignite fairly easily.',
      '加强野外火源管理，进山入林不带火种。', 'Control fire in the countryside; carry nothing that makes fire into forests.'),
    yellow: t('{area}森林火险等级高，林内可燃物容易点燃，火势容易蔓延。', 'Forest fire danger in {area} is high; fuels ignite easily and fires spread easily.',
      '禁止野外用火，护林员加强巡护；扑火队伍做好准备。', 'No fire in the open; forest rangers patrol more; fire crews get ready.'),
    orange: t('{area}森林火险等级很高，林内可燃物极易点燃，火势蔓延快。', 'Forest fire danger in {area} is very high; fuels ignite very easily and fires spread fast.',
      '严禁一切野外用火，设卡检查进山人员；扑火队伍靠前驻防。', 'All fire in the open is forbidden; checkpoints at forest entrances; fire crews deployed forward.'),
    red: t('{area}森林火险等级极高，林内可燃物极易点燃，火势蔓延极快。', 'Forest fire danger in {area} is extreme; fuels ignite extremely easily and fires spread extremely fast.',
      '全面禁止林内用火，必要时封山；扑火队伍24小时待命，发现火情立即报告（12119）。', 'Fire in forests is banned everywhere; forests may be closed; fire crews on 24-hour standby; report any fire at once (12119).'),
  },
  hazmatLeak: {
    blue: t('{area}发生危险化学品泄漏，影响范围有限。', 'A hazardous chemical leak in {area}; the affected area is limited.',
      '周边人员远离现场，关闭门窗，听从现场指挥。', 'Keep away from the site, close doors and windows, follow the on-site command.'),
    yellow: t('{area}发生危险化学品泄漏，可能影响周边区域。', 'A hazardous chemical leak in {area} may affect the surroundings.',
      '下风向人员关闭门窗、关闭通风设备，减少外出；不要围观。', 'Downwind, close doors, windows and ventilation and stay indoors; do not gather to watch.'),
    orange: t('{area}发生危险化学品泄漏，周边区域受到威胁。', 'A hazardous chemical leak in {area} threatens the surroundings.',
      '警戒区内人员按指引向上风向疏散；用湿毛巾掩住口鼻；禁止明火。', 'Leave the cordoned area upwind as directed; cover nose and mouth with a wet cloth; no open flames.'),
    red: t('{area}发生严重危险化学品泄漏，周边人员安全受到严重威胁。', 'A serious hazardous chemical leak in {area} gravely threatens people nearby.',
      '立即按指定路线向上风向撤离至安全区域；不能撤离的就地关闭门窗密闭避险；服从现场指挥，不要返回。',
      'Evacuate upwind at once by the routes given; if you cannot leave, seal yourself indoors; follow the on-site command and do not return.'),
  },
}

const generic = (hazard: HazardEventKey, level: WarningLevel): InstructionTemplate => {
  const name = defaultHazardEvents[hazard].name
  const colour = warningLevelInfo[level].colourName
  return t(`{area}可能受${name.zh}影响（${colour.zh}预警）。`, `{area} may be affected by ${name.en.toLowerCase()} (${colour.en} warning).`,
    '关注预警信息，做好防范；听从当地政府和应急部门指挥。', 'Follow the warnings and take precautions; follow the instructions of the local government and emergency services.')
}

/** The template of a hazard and level: the table's, or a generic text naming the hazard. */
export function instructionTemplate(hazard: HazardEventKey, level: WarningLevel, templates: InstructionTemplates = defaultInstructionTemplates): InstructionTemplate {
  return templates[hazard]?.[level] ?? generic(hazard, level)
}

/** A template with `{area}` filled in (the English area name falls back to the Chinese). */
export function fillTemplate(template: InstructionTemplate, area: { zh: string; en?: string | undefined }): InstructionTemplate {
  const fill = (text: string, name: string) => text.replaceAll('{area}', name)
  return {
    description: { zh: fill(template.description.zh, area.zh), en: fill(template.description.en, area.en ?? area.zh) },
    instruction: { zh: fill(template.instruction.zh, area.zh), en: fill(template.instruction.en, area.en ?? area.zh) },
  }
}

/** Every hazard × level of the catalogue with its template (for the authoring UI). */
export function allInstructionTemplates(templates: InstructionTemplates = defaultInstructionTemplates) {
  return hazardEventKeys.flatMap((hazard) => warningLevels.map((level) => ({ hazard, level, ...instructionTemplate(hazard, level, templates), generic: !templates[hazard]?.[level] })))
}
