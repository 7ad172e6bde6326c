/**
 * The live board (实时推送): Server-Sent Events per incident. Services publish after their
 * transaction commits; every viewer of the incident (whose jurisdiction contains it) gets a
 * `change` frame naming what changed, and reloads that part.
 */
import type { ServerResponse } from 'node:http'

export type ChangeKind = 'incident' | 'facts' | 'response' | 'tasks' | 'log' | 'sitreps' | 'attachments' | 'reporting'

export interface IncidentChange {
  incidentId: string
  kind: ChangeKind
  /** e.g. the task id, the log entry id */
  id?: string | number
  at: string
}

export class IncidentHub {
  private readonly viewers = new Map<string, Set<ServerResponse>>()

  get size(): number {
    let n = 0
    for (const set of this.viewers.values()) n += set.size
    return n
  }

  add(incidentId: string, out: ServerResponse): () => void {
    let set = this.viewers.get(incidentId)
    if (!set) this.viewers.set(incidentId, (set = new Set()))
    set.add(out)
    return () => {
      set.delete(out)
      if (set.size === 0 && this.viewers.get(incidentId) === set) this.viewers.delete(incidentId)
    }
  }

  publish(incidentId: string, kind: ChangeKind, id?: string | number): void {
    const set = this.viewers.get(incidentId)
    if (!set) return
    const change: IncidentChange = { incidentId, kind, ...(id === undefined ? {} : { id }), at: new Date().toISOString() }
    const frame = `event: change\ndata: ${JSON.stringify(change)}\n\n`
    for (const out of set) out.write(frame)
  }

  closeAll(): void {
    for (const set of this.viewers.values()) for (const out of set) out.end()
    this.viewers.clear()
  }
}
