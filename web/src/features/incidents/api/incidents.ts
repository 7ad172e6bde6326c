import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiGet, apiPatch, apiPost, withQuery } from '../../../lib/api-client.ts'
import { fileToBase64 } from '../../../lib/file-transfer.ts'
import { incidentKeys } from './keys.ts'
import { attachmentMediaTypes, type Caller, type Classification, type IncidentAttachment, type IncidentDetail, type IncidentFacts, type IncidentNotification, type IncidentView, type LonLat, type Suggestions, type TaskAction, type TeamSuggestions } from './types.ts'

export interface IncidentListParams {
  status?: 'open' | 'responding' | 'closed' | 'active'
  category?: string
  divisionCode?: string
  [key: string]: string | undefined
}

export const incidentListOptions = (params: IncidentListParams) =>
  queryOptions({
    queryKey: incidentKeys.list(params),
    queryFn: () => apiGet<{ items: IncidentView[] }>(withQuery('/api/incidents', params)),
    placeholderData: keepPreviousData,
  })

/** `GET /api/incidents?status=&category=&divisionCode=`: incidents in the caller's jurisdiction, newest first. */
export const useIncidents = (params: IncidentListParams) => useQuery(incidentListOptions(params))

/** `GET /api/incidents/:id`: the incident with its tasks, log, sitreps and warnings. */
export const useIncident = (id: string) =>
  useQuery({ queryKey: incidentKeys.incident(id), queryFn: () => apiGet<IncidentDetail>(`/api/incidents/${id}`), meta: { quietErrors: true } })

/** `GET /api/incidents/:id/suggestions`: plans and levels with reasons, nearby resources with distances. */
export const useSuggestions = (id: string, radiusKm?: number) =>
  useQuery({
    queryKey: incidentKeys.suggestions(id, radiusKm),
    queryFn: () => apiGet<Suggestions>(withQuery(`/api/incidents/${id}/suggestions`, { radiusKm })),
    placeholderData: keepPreviousData,
  })

/** Rescue teams ranked for the incident (its place, hazard and the road network with closures). */
export const useTeamSuggestions = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: incidentKeys.teams(id),
    queryFn: () => apiGet<TeamSuggestions>(withQuery('/api/dispatch/teams/recommend', { incidentId: id, limit: 50 })),
    enabled,
    retry: false,
  })

/** `GET /api/incidents/notifications`: the user's incident notifications (task assignments, activations, alarms), newest first; kept fresh by the live stream (use-notification-stream.ts). */
export const useNotifications = () =>
  useQuery({
    queryKey: incidentKeys.notifications,
    queryFn: () => apiGet<{ items: IncidentNotification[]; unread: number }>('/api/incidents/notifications'),
  })

/** Marks one notification (by id) or all of them read. */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (which: number | 'all') => apiPost<{ items: IncidentNotification[]; unread: number }>(which === 'all' ? '/api/incidents/notifications/read-all' : `/api/incidents/notifications/${which}/read`),
    onSuccess: (data) => queryClient.setQueryData(incidentKeys.notifications, data),
  })
}

/** `GET /api/incidents/classification`: the national classification (categories and subtypes). */
export const useClassification = () =>
  useQuery({ queryKey: incidentKeys.classification, queryFn: () => apiGet<Classification>('/api/incidents/classification'), staleTime: Infinity })

/** The call form (值班接报), a village report or a manual incident: `POST /api/incidents`. */
export interface IncidentInput {
  category: string
  subtype: string
  title: string
  description?: string
  divisionCode: string
  location?: LonLat
  address?: string
  occurredAt: string
  source: 'call' | 'manual' | 'village_report'
  caller?: Caller
  facts?: IncidentFacts
}

export function useCreateIncident() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: IncidentInput) => apiPost<IncidentView>('/api/incidents', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentKeys.all }),
    meta: { quietErrors: true },
  })
}

/** One click from an alarm: `POST /api/incidents/from-alarm/:alarmId` (prefilled by the server; an open incident of the alarm is returned again). */
export function useIncidentFromAlarm() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (alarmId: string) => apiPost<IncidentView & { created: boolean }>(`/api/incidents/from-alarm/${alarmId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentKeys.all }),
    meta: { quietErrors: true },
  })
}

/** A write on one incident; refreshes its board (the stream tells the other viewers). */
function useIncidentMutation<TVars, TResult>(id: string, call: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentKeys.incident(id) }),
  })
}

/** Commander: `POST /api/incidents/:id/activate {planId, level, comment?}`. */
export const useActivatePlan = (id: string) =>
  useIncidentMutation(id, (body: { planId: string; level: number; comment?: string }) => apiPost<unknown>(`/api/incidents/${id}/activate`, body))

/** `PATCH /api/incidents/:id/facts`: a value sets a fact, null clears it; the server re-grades and logs. */
export const useUpdateFacts = (id: string) =>
  useIncidentMutation(id, (body: { [K in keyof IncidentFacts]?: IncidentFacts[K] | null } & { note?: string }) => apiPatch<IncidentView>(`/api/incidents/${id}/facts`, body))

/** `POST /api/incidents/:id/close {summary}`. */
export const useCloseIncident = (id: string) =>
  useIncidentMutation(id, (summary: string) => apiPost<IncidentView>(`/api/incidents/${id}/close`, { summary }))

/** `POST /api/incidents/:id/reporting/:step/done`: the report reached that level. */
export const useMarkReported = (id: string) =>
  useIncidentMutation(id, (step: string) => apiPost<IncidentView>(`/api/incidents/${id}/reporting/${step}/done`))

/** A file as the attachment routes take it: `{fileName, mediaType, dataBase64}` (the type from the extension; the server checks the bytes). */
export async function fileBody(file: File) {
  const extension = file.name.split('.').pop()?.toLowerCase() ?? ''
  return { fileName: file.name, mediaType: attachmentMediaTypes[extension] ?? file.type, dataBase64: await fileToBase64(file) }
}

/** `POST /api/incidents/:id/attachments`: a photo, PDF or DOCX on the incident. */
export const useUploadAttachment = (incidentId: string) =>
  useIncidentMutation(incidentId, async (file: File) => apiPost<IncidentAttachment>(`/api/incidents/${incidentId}/attachments`, await fileBody(file)))

/** `POST /api/incidents/tasks/:taskId/{accept,start,done,block} {text?, photos?}`, or `…/feedback` (text required) without a move. */
export const useTaskAction = (incidentId: string) =>
  useIncidentMutation(incidentId, async ({ taskId, action, text, photos = [] }: { taskId: string; action: TaskAction | 'feedback'; text?: string; photos?: File[] }) =>
    apiPost<unknown>(`/api/incidents/tasks/${taskId}/${action}`, {
      ...(text ? { text } : {}),
      ...(photos.length ? { photos: await Promise.all(photos.map(fileBody)) } : {}),
    }))

/** A manual log entry (decision 决策, call 电话, note 记事): `POST /api/incidents/:id/log`. */
export const useAddLogEntry = (incidentId: string) =>
  useIncidentMutation(incidentId, (body: { kind: 'decision' | 'call' | 'note'; text: string }) => apiPost<unknown>(`/api/incidents/${incidentId}/log`, body))

/** An annotation of an earlier entry (the log is never edited): `POST /api/incidents/:id/log/:entryId/annotations`. */
export const useAnnotate = (incidentId: string) =>
  useIncidentMutation(incidentId, ({ entryId, text }: { entryId: number; text: string }) => apiPost<unknown>(`/api/incidents/${incidentId}/log/${entryId}/annotations`, { text }))

/** `POST /api/incidents/:id/sitreps`: the next issue's draft, generated from the incident's data. */
export const useGenerateSitrep = (incidentId: string) =>
  useIncidentMutation(incidentId, () => apiPost<{ id: string }>(`/api/incidents/${incidentId}/sitreps`, {}))

/** `PATCH /api/incidents/:id/sitreps/:sitrepId`: the edited text, saved as a new version. */
export const useSaveSitrep = (incidentId: string) =>
  useIncidentMutation(incidentId, ({ sitrepId, ...body }: { sitrepId: string; sections: { key: string; heading: string; text: string }[] }) =>
    apiPatch<{ id: string }>(`/api/incidents/${incidentId}/sitreps/${sitrepId}`, body))

export const sitrepDocxPath = (incidentId: string, sitrepId: string) => `/api/incidents/${incidentId}/sitreps/${sitrepId}/docx`
