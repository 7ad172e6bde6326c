import { Tag, Tooltip } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { MessageKey } from '../../../i18n/messages.ts'
import type { Grade, IncidentStatus, IncidentView, TaskStatus } from '../api/types.ts'
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

/** Level 1 (特别重大 / Ⅰ级) … 4 (一般 / Ⅳ级). */
export const levelColours = ['#a8071a', '#d4380d', '#d48806', '#1d6fd6']

/** 事故等级 (Decree 493) or the suggested relief response, with the reason on hover. */
export function GradeTag({ grade, testId = 'incident-grade' }: { grade: Grade | null | undefined; testId?: string }) {
  const { locale } = useI18n()
  if (!grade || grade.level === null) return <>—</>
  return (
    <Tooltip title={locale === 'en' ? grade.reasonEn : grade.reason}>
      <Tag color={levelColours[grade.level - 1]} data-testid={testId}>{locale === 'en' ? grade.nameEn : grade.name}</Tag>
    </Tooltip>
  )
}

/** 响应级别 Ⅰ–Ⅳ. */
export function ResponseLevelTag({ level }: { level: number | null | undefined }) {
  const { t } = useI18n()
  if (!level) return <>—</>
  return <Tag color={levelColours[level - 1]} data-testid="response-level">{t('incidents.levelName', { level: levelNumeral(level) })}</Tag>
}

/** 事件类别 · 子类 in the UI language. */
export function typeText(incident: Pick<IncidentView, 'categoryName' | 'categoryNameEn' | 'subtypeName' | 'subtypeNameEn'>, locale: 'zh' | 'en'): string {
  return locale === 'en' ? `${incident.categoryNameEn} · ${incident.subtypeNameEn}` : `${incident.categoryName} · ${incident.subtypeName}`
}
