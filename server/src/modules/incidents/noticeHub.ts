/**
 * Live notifications (通知推送): one Server-Sent Events stream per signed-in page. After a
 * transaction that stored notifications commits, its recipients (users on duty, roles within the
 * division) get a `notification` frame and reload their list. In-process, like the board's hub.
 */
import type { ServerResponse } from 'node:http'
import { isWithinDivision } from '@yingji/domain/geo/divisionCode'
import type { Actor } from '../../http/access.ts'

export interface Delivered {
  divisionCode: string
  users: string[]
  roles: string[]
  kind: string
  title: string
}

export class NoticeHub {
  private readonly listeners = new Set<{ actor: Actor; out: ServerResponse }>()

  get size(): number { return this.listeners.size }

  add(actor: Actor, out: ServerResponse): () => void {
    const listener = { actor, out }
    this.listeners.add(listener)
    return () => { this.listeners.delete(listener) }
  }

  /** Same addressing as notificationsOf: the user itself, or the role over the division. */
  publish(d: Delivered): void {
    const frame = `event: notification\ndata: ${JSON.stringify({ kind: d.kind, title: d.title, at: new Date().toISOString() })}\n\n`
    for (const { actor, out } of this.listeners) {
      const toUser = actor.kind === 'user' && d.users.includes(actor.id)
      const toRole = d.roles.includes(actor.role) && isWithinDivision(d.divisionCode, actor.jurisdiction)
      if (toUser || toRole) out.write(frame)
    }
  }

  closeAll(): void {
    for (const { out } of this.listeners) out.end()
    this.listeners.clear()
  }
}
