/**
 * CAP 1.2 dateTime values (sent, effective, onset, expires): `YYYY-MM-DDThh:mm:ss±hh:mm`, whole
 * seconds, a numeric offset and never `Z` (the spec writes UTC as `-00:00`). Yingji writes
 * Beijing time, `+08:00`.
 */
import type { CapDateTime } from './types.ts'

export const beijingOffset = '+08:00'

const pattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})([-+])(\d{2}):(\d{2})$/

const two = (n: number) => String(n).padStart(2, '0')

/** `offset` as ±hh:mm; the instant's wall-clock time at that offset, seconds truncated. */
export function formatCapDateTime(instant: Date, offset: string = beijingOffset): CapDateTime {
  const match = /^([-+])(\d{2}):(\d{2})$/.exec(offset)
  if (!match || Number.isNaN(instant.getTime())) throw new RangeError(`Cannot format ${String(instant)} at offset ${offset}`)
  const minutes = (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]))
  const local = new Date(Math.floor(instant.getTime() / 1000) * 1000 + minutes * 60_000)
  const date = `${local.getUTCFullYear()}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}`
  const time = `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}`
  return `${date}T${time}${offset}`
}

/** The instant a CAP dateTime names, or null when it is not one (wrong form, 2026-02-30, 25:00). */
export function parseCapDateTime(text: string): Date | null {
  const match = pattern.exec(text)
  if (!match) return null
  const [year, month, day, hour, minute, second, sign, offsetHours, offsetMinutes] = match.slice(1).map((part, i) => (i === 6 ? part : Number(part))) as [
    number, number, number, number, number, number, string, number, number,
  ]
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59 || offsetHours > 14 || offsetMinutes > 59) return null
  const local = Date.UTC(year, month - 1, day, hour, minute, second)
  if (new Date(local).getUTCDate() !== day) return null
  const offset = (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes)
  return new Date(local - offset * 60_000)
}

/** The ±hh:mm offset written in a CAP dateTime, or null. */
export function offsetOfCapDateTime(text: string): string | null {
  return pattern.test(text) ? text.slice(-6) : null
}
