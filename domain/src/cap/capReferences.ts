/**
 * `<references>`: the earlier messages an Update, Cancel, Ack or Error refers to, written as
 * space-separated "sender,identifier,sent" triples (CAP 1.2 §3.2.1). Identifiers and senders may
 * hold no spaces, commas, `<` or `&`, which is what makes this text unambiguous.
 */
import { parseCapDateTime } from './capDateTime.ts'
import type { CapAlert, CapDateTime } from './types.ts'

export interface CapReference {
  sender: string
  identifier: string
  sent: CapDateTime
}

/** Characters CAP forbids in identifier, sender and each part of a reference. */
export const capForbiddenIdCharacters = /[\s,<&]/

/** The reference an Update or Cancel of `alert` carries. */
export function referenceTo(alert: Pick<CapAlert, 'sender' | 'identifier' | 'sent'>): CapReference {
  return { sender: alert.sender, identifier: alert.identifier, sent: alert.sent }
}

export function formatCapReferences(references: readonly CapReference[]): string {
  return references.map((ref) => `${ref.sender},${ref.identifier},${ref.sent}`).join(' ')
}

/** The triples of a references text, or the first part that is not one. */
export function parseCapReferences(text: string): { ok: true; references: CapReference[] } | { ok: false; part: string } {
  const references: CapReference[] = []
  for (const part of text.trim().split(/\s+/).filter(Boolean)) {
    const fields = part.split(',')
    const [sender, identifier, sent] = fields
    if (fields.length !== 3 || !sender || !identifier || !sent || parseCapDateTime(sent) === null) return { ok: false, part }
    references.push({ sender, identifier, sent })
  }
  return references.length > 0 ? { ok: true, references } : { ok: false, part: text }
}
