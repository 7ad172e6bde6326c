import type { ListParams } from '../../../lib/crud-resource.ts'

/** Query keys of the incidents feature; the live stream invalidates by these prefixes. */
export const incidentKeys = {
  all: ['incidents'] as const,
  list: (params: ListParams) => ['incidents', 'list', params] as const,
  incident: (id: string) => ['incidents', 'detail', id] as const,
  /** Everything about one incident (detail, suggestions, tasks, log, sitreps): one prefix to refresh. */
  board: (id: string) => ['incidents', 'detail', id] as const,
  suggestions: (id: string) => ['incidents', 'detail', id, 'suggestions'] as const,
  tasks: (id: string) => ['incidents', 'detail', id, 'tasks'] as const,
  log: (id: string) => ['incidents', 'detail', id, 'log'] as const,
  sitreps: (id: string) => ['incidents', 'detail', id, 'sitreps'] as const,
  dutyNow: ['incidents', 'duty', 'now'] as const,
  shifts: (params: ListParams) => ['incidents', 'duty', 'shifts', params] as const,
  handovers: ['incidents', 'duty', 'handovers'] as const,
}
