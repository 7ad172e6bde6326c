/**
 * Response schemas of the incidents routes: the views the services return (incident.ts
 * `incidentView`, tasks.ts `taskView`, log.ts, sitrep/service.ts, duty.ts, response.ts), typed for
 * OpenAPI. Fastify's serializer drops a field a schema does not name: a field added to a view
 * must be added here too (incidents.test.ts compares the HTTP answers with the services' own).
 */
import { Type, type TSchema } from '@fastify/type-provider-typebox'
import { taskActions, taskStatuses } from '@yingji/domain/incidents/taskStatus'
import { KeyEnum, Nullable } from '../../http/openapi.ts'
import { PlanFactsSchema } from './plansBridge.ts'
import { Caller, Category, Facts, LonLat } from './schemas.ts'

const Uuid = Type.String({ format: 'uuid' })
const DateTime = Type.String({ format: 'date-time' })
const Level = Type.Integer({ minimum: 1, maximum: 4, description: '1 = Ⅰ级/特别重大 … 4 = Ⅳ级/一般' })
const WarningLevel = KeyEnum(['blue', 'yellow', 'orange', 'red'] as const)
const ReportingStep = KeyEnum(['county', 'city', 'province', 'national'] as const)
const TaskStatus = KeyEnum(taskStatuses, '已下达/已接收/处置中/已完成/受阻')
const TaskAction = KeyEnum(taskActions)

/** `{items: [...]}` */
export const ItemsOf = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item) })

export const Classification = Type.Object({
  categories: Type.Array(Type.Object({
    code: Category, name: Type.String(), nameEn: Type.String(),
    subtypes: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), nameEn: Type.String() })),
  })),
})

const Grade = Type.Object({ level: Level, name: Type.String(), nameEn: Type.String(), reason: Type.String(), reasonEn: Type.String() })
const ReliefGrade = Type.Object({
  level: Nullable(Level), name: Type.String(), nameEn: Type.String(), reason: Type.String(), reasonEn: Type.String(),
  verified: Type.Boolean({ description: '该等级阈值是否已核实 · whether the thresholds are verified' }),
  plan: Type.String({ description: '所用阈值的预案 · the plan whose thresholds were applied' }),
  source: Type.String({ description: '该等级阈值的出处 · source of the level\'s thresholds' }),
})

const ReportingDeadline = Type.Object({
  step: ReportingStep, authority: Type.String(), authorityEn: Type.String(), article: Type.String(), limitHours: Type.Integer(),
  dueAt: DateTime, doneAt: Nullable(DateTime), doneBy: Nullable(Type.String()),
  state: KeyEnum(['pending', 'overdue', 'done', 'done_late'] as const),
  secondsLeft: Nullable(Type.Integer({ description: '距时限秒数（负数为已超时）· seconds left (negative: overdue)' })),
}, { description: '事故逐级上报时限（国务院令第493号第九至十一条）· reporting deadline' })

const incidentProps = {
  id: Uuid,
  category: Category, categoryName: Type.String(), categoryNameEn: Type.String(),
  subtype: Type.String(), subtypeName: Type.String(), subtypeNameEn: Type.String(),
  title: Type.String(), description: Type.String(),
  divisionCode: Type.String(), divisionName: Nullable(Type.String()),
  location: Nullable(LonLat), address: Nullable(Type.String()),
  occurredAt: DateTime, reportedAt: DateTime,
  source: KeyEnum(['alarm', 'call', 'village_report', 'manual'] as const, 'alarm 监测告警 · call 值班接报 · village_report 村级报告 · manual 手工录入'),
  sourceAlarmId: Nullable(Uuid),
  caller: Nullable(Caller),
  facts: Facts,
  status: KeyEnum(['open', 'responding', 'closed'] as const, '待处置/响应中/已结束'),
  response: Nullable(Type.Object({
    planId: Uuid, planName: Type.String(), level: Level, levelName: Type.String(), activatedBy: Type.String(), activatedAt: Nullable(DateTime),
  }, { description: '当前执行的预案与响应等级 · the plan and level in force' })),
  accidentGrade: Nullable(Grade),
  reliefSuggestion: Nullable(ReliefGrade),
  reportingDeadlines: Type.Array(ReportingDeadline),
  createdBy: Type.String(), createdAt: DateTime, updatedAt: DateTime,
  closedAt: Nullable(DateTime), closedBy: Nullable(Type.String()), closeSummary: Nullable(Type.String()),
  synthetic: Type.Boolean(),
}

export const Incident = Type.Object(incidentProps, { description: '事件 · an incident' })
export const IncidentFromAlarm = Type.Object({ ...incidentProps, created: Type.Boolean({ description: 'false：该告警已有未结束的事件 · false: the alarm already had an open incident' }) })
export const IncidentList = ItemsOf(Type.Object({
  ...incidentProps,
  tasks: Type.Object({ total: Type.Integer(), done: Type.Integer(), overdue: Type.Integer() }),
}))

export const Task = Type.Object({
  id: Uuid, incidentId: Uuid, planId: Nullable(Uuid), level: Nullable(Level), fromChecklist: Type.Boolean(),
  title: Type.String(), detail: Nullable(Type.String()),
  assignee: Type.Object({
    kind: KeyEnum(['department', 'township', 'team', 'team_type', 'user'] as const),
    name: Type.String(), teamId: Nullable(Uuid), userId: Nullable(Uuid),
  }),
  status: TaskStatus, statusName: Type.String(), statusNameEn: Type.String(),
  actions: Type.Array(TaskAction, { description: '当前状态允许的操作 · what the status allows next' }),
  deadline: Nullable(DateTime), overdue: Type.Boolean(),
  feedback: Nullable(Type.String()), createdBy: Type.String(), createdAt: DateTime, updatedAt: DateTime,
  acceptedAt: Nullable(DateTime), startedAt: Nullable(DateTime), doneAt: Nullable(DateTime),
  updates: Type.Array(Type.Object({ at: DateTime, by: Type.String(), from: Nullable(Type.String()), to: Nullable(Type.String()), text: Nullable(Type.String()) })),
  photos: Type.Array(Type.Object({ id: Uuid, fileName: Type.String(), url: Type.String() })),
}, { description: '处置任务 · a response task' })

export const LogEntry = Type.Object({
  id: Type.Integer(), at: DateTime,
  kind: Type.String({ description: 'created, graded, plan_activated, level_changed, task_*, decision, call, note, annotation …' }),
  manual: Type.Boolean({ description: '人工记录 · written by a person' }),
  actor: Type.Object({ kind: Type.String(), id: Nullable(Type.String()), name: Type.String() }),
  text: Type.String(),
  data: Type.Unknown({ description: '系统条目的结构化内容 · what a system entry is about' }),
  annotates: Nullable(Type.Integer({ description: '所批注的条目 · the entry this one annotates' })),
})

const SitrepSection = Type.Object({ key: KeyEnum(['basic', 'actions', 'next'] as const), heading: Type.String(), text: Type.String() })
const sitrepProps = {
  id: Uuid, incidentId: Uuid, number: Type.Integer({ description: '第N期' }), version: Type.Integer(),
  title: Type.String(), issuer: Type.String(), signer: Type.String(), reportDate: Type.String({ format: 'date' }),
  sections: Type.Array(SitrepSection), savedBy: Type.String(), savedAt: DateTime, docxUrl: Type.String(),
}
export const Sitrep = Type.Object(sitrepProps, { description: '续报（某一版本）· a situation report version' })
export const SitrepWithVersions = Type.Object({ ...sitrepProps, versions: Type.Array(Sitrep) })

export const Attachment = Type.Object({
  id: Uuid, taskId: Nullable(Uuid), fileName: Type.String(), mediaType: Type.String(), sizeBytes: Type.Integer(),
  uploadedBy: Type.String(), createdAt: DateTime, url: Type.String(),
})
export const AttachmentCreated = Type.Object({ id: Uuid, fileName: Type.String(), mediaType: Type.String(), sizeBytes: Type.Integer(), url: Type.String() })

export const IncidentDetail = Type.Object({
  ...incidentProps,
  factHistory: Type.Array(Type.Object({ id: Type.Integer(), at: DateTime, by: Type.String(), before: Facts, after: Facts, note: Nullable(Type.String()) })),
  responses: Type.Array(Type.Object({
    id: Type.Integer(), planId: Uuid, planName: Type.String(), level: Level, levelName: Type.String(), previousLevel: Nullable(Level),
    comment: Nullable(Type.String()), by: Type.String(), at: DateTime,
  }, { description: '启动与等级调整记录 · activations and level changes' })),
  tasks: Type.Array(Task),
  log: Type.Array(LogEntry),
  sitreps: Type.Array(Sitrep),
  attachments: Type.Array(Attachment),
  warnings: Type.Array(Type.Object({
    id: Uuid, headline: Type.String(), level: WarningLevel, levelName: Type.String(), status: Type.String(), hazard: Type.String(), sentAt: Nullable(DateTime),
  })),
  links: Type.Object({ newWarning: Type.String({ description: '起草预警的页面 · the page drafting a warning' }) }),
}, { description: '事件及指挥板所需全部数据 · an incident with everything its board shows' })

export const Suggestions = Type.Object({
  facts: PlanFactsSchema,
  plans: Type.Array(Type.Object({
    planId: Uuid, planName: Type.String(), level: Level, levelName: Type.String(),
    reasons: Type.Array(Type.Object({ fact: Type.String(), zh: Type.String(), en: Type.String() })),
    reason: Type.String(), reasonEn: Type.String(),
  })),
  reliefResponse: Nullable(ReliefGrade),
  accidentGrade: Nullable(Grade),
  radiusKm: Type.Number(),
  nearby: Type.Array(Type.Object({
    kind: KeyEnum(['team', 'depot', 'shelter', 'enterprise', 'hazard_point', 'risk_point'] as const),
    id: Type.String(), name: Type.String(), divisionCode: Type.String(), location: LonLat,
    distanceM: Type.Integer({ description: '距离（米）· metres' }),
    detail: Type.Record(Type.String(), Type.Unknown(), { description: '按类别：队伍类型与人数、仓库库存、避难场所容量、风险等级 … · kind-specific' }),
  })),
})

export const Activation = Type.Object({
  kind: KeyEnum(['plan_activated', 'level_changed'] as const),
  planId: Uuid, planName: Type.String(), level: Level, levelName: Type.String(), previousLevel: Nullable(Level),
  tasksCreated: Type.Integer({ description: '新下达的任务数 · tasks assigned now' }),
})

export const Notifications = Type.Object({
  items: Type.Array(Type.Object({
    id: Type.Integer(), incidentId: Nullable(Uuid), kind: Type.String(), title: Type.String(), body: Type.String(), createdAt: DateTime, read: Type.Boolean(),
  })),
  unread: Type.Integer({ minimum: 0, description: '未读条数（所列之中）· unread among those listed' }),
})

export const DutyPeople = ItemsOf(Type.Object({
  id: Uuid, displayName: Type.String(), role: Type.String(), roleName: Type.String(), roleNameEn: Type.String(),
  jurisdiction: Type.String(), jurisdictionName: Nullable(Type.String()),
}, { description: '可排班的用户账号 · an account that can be put on the roster' }))

export const Shift = Type.Object({
  id: Uuid, divisionCode: Type.String(), divisionName: Nullable(Type.String()),
  role: KeyEnum(['leader', 'officer'] as const), roleName: Type.String(),
  userId: Nullable(Uuid), personName: Type.String(), phone: Nullable(Type.String()), startsAt: DateTime, endsAt: DateTime, synthetic: Type.Boolean(),
})

export const DutyNow = Type.Object({
  at: DateTime, divisionCode: Type.String(), leader: Nullable(Shift), officers: Type.Array(Shift),
  shifts: Type.Array(Shift, { description: '该区划或其最近上级的当班班次 · the shifts on duty for the division or the nearest one above' }),
})

export const Handover = Type.Object({
  id: Uuid, divisionCode: Type.String(), shiftId: Nullable(Uuid), fromName: Type.String(), toName: Type.String(), notes: Type.String(), at: DateTime, createdBy: Type.String(),
})
