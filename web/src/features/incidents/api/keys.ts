/** Query keys of the incidents feature; the live stream invalidates by these prefixes. */
export const incidentKeys = {
  all: ['incidents'] as const,
  list: (params: object) => ['incidents', 'list', params] as const,
  classification: ['incidents', 'classification'] as const,
  notifications: ['incidents', 'notifications'] as const,
  /** The incident's detail; its suggestions live under the same prefix so one refresh covers both. */
  incident: (id: string) => ['incidents', 'detail', id] as const,
  suggestions: (id: string, radiusKm?: number) => ['incidents', 'detail', id, 'suggestions', radiusKm ?? null] as const,
  teams: (id: string) => ['incidents', 'detail', id, 'teams'] as const,
  duty: ['incidents', 'duty'] as const,
  dutyNow: ['incidents', 'duty', 'now'] as const,
  shifts: (from: string, to: string) => ['incidents', 'duty', 'shifts', from, to] as const,
  handovers: ['incidents', 'duty', 'handovers'] as const,
  dutyPeople: ['incidents', 'duty', 'people'] as const,
  reliefThresholds: ['incidents', 'reliefThresholds'] as const,
}
