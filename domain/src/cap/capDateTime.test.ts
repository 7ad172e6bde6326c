import { describe, expect, it } from 'vitest'
import { formatCapDateTime, parseCapDateTime } from './capDateTime.ts'

describe('CAP dateTime (CAP 1.2 §3.3.2: numeric offset, no Z)', () => {
  it.each([
    { instant: '2026-06-21T02:20:00Z', offset: undefined, text: '2026-06-21T10:20:00+08:00', why: 'Beijing time by default' },
    { instant: '2026-12-31T16:30:59.999Z', offset: undefined, text: '2027-01-01T00:30:59+08:00', why: 'crosses midnight and the year; milliseconds dropped' },
    { instant: '2003-06-12T05:39:00Z', offset: '-07:00', text: '2003-06-11T22:39:00-07:00', why: 'the spec example’s Pacific time' },
    { instant: '2026-01-01T00:00:00Z', offset: '-00:00', text: '2026-01-01T00:00:00-00:00', why: 'UTC is written -00:00' },
  ])('$why', ({ instant, offset, text }) => {
    expect(formatCapDateTime(new Date(instant), offset)).toBe(text)
    expect(parseCapDateTime(text)?.toISOString()).toBe(new Date(instant).toISOString().replace(/\.\d+Z$/, '.000Z'))
  })

  it.each(['2026-06-21T10:20:00Z', '2026-06-21T10:20:00', '2026-06-21 10:20:00+08:00', '2026-06-21T10:20+08:00', '2026-02-29T10:00:00+08:00', '2026-06-21T24:00:00+08:00', '2026-13-01T00:00:00+08:00'])(
    '%s is not a CAP dateTime',
    (text) => {
      expect(parseCapDateTime(text)).toBeNull()
    },
  )

  it('a leap day is a date', () => {
    expect(parseCapDateTime('2028-02-29T08:00:00+08:00')?.toISOString()).toBe('2028-02-29T00:00:00.000Z')
  })
})
