const pad = (value: number) => String(value).padStart(2, '0')

/** `2026-07-21 14:05:09` in the browser's time zone (the duty room's). */
export function formatTime(ts: string | null | undefined): string {
  if (!ts) return '—'
  const date = new Date(ts)
  if (Number.isNaN(date.getTime())) return '—'
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
}

/** A reading value with at most two decimals. */
export function formatValue(value: number | null | undefined, unit?: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  const text = String(Math.round(value * 100) / 100)
  return unit ? `${text} ${unit}` : text
}

/** The alarm's rule name in the UI language (Chinese when no English name is sent). */
export function ruleNameOf(alarm: { ruleName: string; ruleNameEn?: string }, locale: 'zh' | 'en'): string {
  return locale === 'en' && alarm.ruleNameEn ? alarm.ruleNameEn : alarm.ruleName
}
