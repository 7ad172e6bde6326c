const pad = (value: number) => String(value).padStart(2, '0')

/** `2026-07-21 14:05` in the browser's time zone (the duty room's). */
export function formatTime(ts: string | null | undefined, withSeconds = false): string {
  if (!ts) return '—'
  const date = new Date(ts)
  if (Number.isNaN(date.getTime())) return '—'
  const base = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`
  return withSeconds ? `${base}:${pad(date.getSeconds())}` : base
}

/** A span of milliseconds as `h:mm:ss` (or `Nd h:mm:ss`). */
export function formatSpan(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000)
  const days = Math.floor(total / 86_400)
  const hours = Math.floor((total % 86_400) / 3600)
  const text = `${hours}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`
  return days > 0 ? `${days}d ${text}` : text
}

/** Metres as `850 m` or `3.2 km`. */
export function formatDistance(metres: number): string {
  if (!Number.isFinite(metres)) return '—'
  return metres < 1000 ? `${Math.round(metres)} m` : `${(metres / 1000).toFixed(1)} km`
}

/** Response levels: 1 = Ⅰ级 (highest) … 4 = Ⅳ级. */
export const levelNumeral = (level: number | null | undefined) => (level ? ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ'][level - 1] ?? String(level) : '—')

/** A `datetime-local` input's value for a date (local time). */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}
