/**
 * The life of a response task (处置任务): assigned (已下达) → accepted (已接收) → in_progress
 * (处置中) → done (已完成); any open state may become blocked (受阻) with feedback, and a
 * blocked task resumes (in_progress). Done is final. A task is overdue when its deadline has
 * passed and it is not done.
 */

export const taskStatuses = ['assigned', 'accepted', 'in_progress', 'done', 'blocked'] as const
export type TaskStatus = (typeof taskStatuses)[number]

export const taskActions = ['accept', 'start', 'done', 'block'] as const
export type TaskAction = (typeof taskActions)[number]

export const taskStatusNames: Record<TaskStatus, { zh: string; en: string }> = {
  assigned: { zh: '已下达', en: 'Assigned' },
  accepted: { zh: '已接收', en: 'Accepted' },
  in_progress: { zh: '处置中', en: 'In progress' },
  done: { zh: '已完成', en: 'Done' },
  blocked: { zh: '受阻', en: 'Blocked' },
}

const transitions: Record<TaskStatus, Partial<Record<TaskAction, TaskStatus>>> = {
  assigned: { accept: 'accepted', start: 'in_progress', block: 'blocked' },
  accepted: { start: 'in_progress', block: 'blocked' },
  in_progress: { done: 'done', block: 'blocked' },
  blocked: { start: 'in_progress' },
  done: {},
}

export type TaskTransition =
  | { ok: true; to: TaskStatus }
  | { ok: false; message: string; messageEn: string }

const actionNames: Record<TaskAction, { zh: string; en: string }> = {
  accept: { zh: '接收', en: 'accept' },
  start: { zh: '开始处置', en: 'start' },
  done: { zh: '完成', en: 'complete' },
  block: { zh: '报告受阻', en: 'block' },
}

export function nextTaskStatus(from: TaskStatus, action: TaskAction): TaskTransition {
  const to = transitions[from][action]
  if (to) return { ok: true, to }
  return {
    ok: false,
    message: `任务当前为“${taskStatusNames[from].zh}”，不能${actionNames[action].zh}`,
    messageEn: `A task that is ${taskStatusNames[from].en.toLowerCase()} cannot ${actionNames[action].en}`,
  }
}

/** The actions open from a status (for buttons). */
export function taskActionsFrom(from: TaskStatus): TaskAction[] {
  return taskActions.filter((a) => transitions[from][a] !== undefined)
}

export function isTaskOverdue(task: { status: TaskStatus; deadline: Date | null }, now: Date): boolean {
  return task.status !== 'done' && task.deadline !== null && task.deadline.getTime() < now.getTime()
}
