/**
 * How a Chinese SMS splits into segments (短信分条) — what a gateway bills and how many parts a
 * phone reassembles.
 *
 * The rule (3GPP TS 23.040 §9.2.3.24.1 and TS 23.038 §6.2.3, as implemented by every carrier):
 * - One SMS carries at most 140 octets of user data.
 * - Text with any character outside the GSM 7-bit default alphabet (so any Chinese text) is
 *   sent in UCS-2: 2 octets per UTF-16 code unit → 140 / 2 = **70 characters** in one SMS.
 * - A longer text is sent concatenated: each part carries a 6-octet User Data Header
 *   (IEI 0x00, 8-bit reference) → (140 − 6) / 2 = **67 characters** per part.
 * - A character outside the Basic Multilingual Plane (most emoji, rare CJK Extension B
 *   characters such as 𠮷) takes two UTF-16 code units; a part never splits such a pair.
 * - Pure GSM 7-bit text: 160 septets in one SMS, 153 per part when concatenated (the 6-octet
 *   UDH takes 7 septets with fill bits); an extension-table character (e.g. € [ ] { } ~ ^ | \)
 *   takes two septets (escape + character) and is never split from its escape.
 * Chinese carriers (China Mobile, Unicom, Telecom) bill per part and most gateways count
 * 70 / 67 the same way.
 */

export type SmsEncoding = 'gsm7' | 'ucs2'

export interface SmsSegmentation {
  encoding: SmsEncoding
  /** The text of each part, in order; their concatenation is the input text. */
  segments: string[]
  /** Characters (UTF-16 code units for UCS-2, septets for GSM 7-bit) a part may carry. */
  perSegment: number
}

/** GSM 03.38 default alphabet (one septet each). */
const gsmBasic = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
)
/** GSM 03.38 extension table (escape + character: two septets each). */
const gsmExtended = new Set('\f^{}\\[~]|€')

export const ucs2Single = 70
export const ucs2Part = 67
export const gsm7Single = 160
export const gsm7Part = 153

/** Whether every character is in the GSM 7-bit alphabet (basic or extension table). */
export function isGsm7(text: string): boolean {
  for (const ch of text) if (!gsmBasic.has(ch) && !gsmExtended.has(ch)) return false
  return true
}

/** Splits `text` the way a handset or gateway does; an empty text is one empty SMS. */
export function splitSms(text: string): SmsSegmentation {
  if (isGsm7(text)) {
    const cost = (ch: string) => (gsmExtended.has(ch) ? 2 : 1)
    const total = [...text].reduce((n, ch) => n + cost(ch), 0)
    if (total <= gsm7Single) return { encoding: 'gsm7', segments: [text], perSegment: gsm7Single }
    return { encoding: 'gsm7', segments: pack([...text], cost, gsm7Part), perSegment: gsm7Part }
  }
  // UCS-2 counts UTF-16 code units; `for…of` yields code points, so a surrogate pair stays whole.
  const cost = (ch: string) => ch.length
  if (text.length <= ucs2Single) return { encoding: 'ucs2', segments: [text], perSegment: ucs2Single }
  return { encoding: 'ucs2', segments: pack([...text], cost, ucs2Part), perSegment: ucs2Part }
}

function pack(chars: string[], cost: (ch: string) => number, limit: number): string[] {
  const out: string[] = []
  let current = ''
  let used = 0
  for (const ch of chars) {
    const c = cost(ch)
    if (used + c > limit) {
      out.push(current)
      current = ''
      used = 0
    }
    current += ch
    used += c
  }
  if (current !== '' || out.length === 0) out.push(current)
  return out
}

/** Parts a text costs (what the gateway bills). */
export const smsSegmentCount = (text: string): number => splitSms(text).segments.length
