/** Query keys of the warnings feature. */
export const warningKeys = {
  all: ['warnings'] as const,
  list: (status: string) => ['warnings', 'list', status] as const,
  detail: (id: string) => ['warnings', 'detail', id] as const,
  audience: (id: string) => ['warnings', 'audience', id] as const,
  report: (id: string) => ['warnings', 'report', id] as const,
  fromAlarm: (alarmId: string) => ['warnings', 'from-alarm', alarmId] as const,
  fromIncident: (incidentId: string) => ['warnings', 'from-incident', incidentId] as const,
  templates: (hazard: string, level: string) => ['warnings', 'templates', hazard, level] as const,
  subscribers: ['warnings', 'subscribers'] as const,
  subscriberList: (params: object) => ['warnings', 'subscribers', 'list', params] as const,
  public: ['public-warnings'] as const,
  boundary: ['public-boundary'] as const,
  divisionPoints: (level: string) => ['warnings', 'division-points', level] as const,
}
