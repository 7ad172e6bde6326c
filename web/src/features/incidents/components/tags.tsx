import { Tag } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { MessageKey } from '../../../i18n/messages.ts'
import type { IncidentGrade, IncidentStatus, TaskStatus } from '../api/types.ts'
import { levelNumeral } from './format.ts'

const statusColours: Record<IncidentStatus, string> = { open: 'gold', responding: 'red', closed: 'default' }

export function IncidentStatusTag({ status }: { status: IncidentStatus }) {
  const { t } = useI18n()
  return <Tag color={statusColours[status] ?? 'default'} data-testid="incident-status">{t(`incidents.status.${status}` as MessageKey)}</Tag>
}

const taskColours: Record<TaskStatus, string> = { assigned: 'blue', accepted: 'cyan', in_progress: 'processing', done: 'success', blocked: 'error' }

export function TaskStatusTag({ status }: { status: TaskStatus }) {
  const { t } = useI18n()
  return <Tag color={taskColours[status] ?? 'default'} data-testid="task-status">{t(`incidents.task.${status}` as MessageKey)}</Tag>
}

/** 事故等级 (Decree 493: 1 = 特别重大 … 4 = 一般). */
const gradeColours = ['#a8071a', '#d4380d', '#d48806', '#1d6fd6']

export function GradeTag({ grade }: { grade: IncidentGrade | null | undefined }) {
  const { locale } = useI18n()
  if (!grade) return <>—</>
  return <Tag color={gradeColours[grade.level - 1]} data-testid="incident-grade">{locale === 'en' && grade.nameEn ? grade.nameEn : grade.name}</Tag>
}

/** 响应级别 Ⅰ–Ⅳ. */
export function ResponseLevelTag({ level }: { level: number | null | undefined }) {
  const { t } = useI18n()
  if (!level) return <>—</>
  return <Tag color={gradeColours[level - 1]} data-testid="response-level">{t('incidents.levelName', { level: levelNumeral(level) })}</Tag>
}

/** A type or subtype key in words (the key itself when unknown). */
export function useTypeName() {
  const { t } = useI18n()
  return (key: string | null | undefined) => {
    if (!key) return '—'
    const text = t(`incidents.type.${key}` as MessageKey)
    return text === undefined || text.startsWith('incidents.type.') ? key : text
  }
}
