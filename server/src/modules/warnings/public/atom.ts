/**
 * An Atom 1.0 feed (RFC 4287) of CAP alerts, the form CAP aggregators (Google Public Alerts,
 * WMO's alert hub) read: one entry per alert, linking to its CAP XML.
 */

export interface AtomEntry {
  id: string
  title: string
  updated: Date
  summary: string
  /** Absolute URL of the alert's CAP document */
  capUrl: string
  /** Atom categories (hazard, level) */
  categories: { term: string; label: string }[]
}

export interface AtomFeed {
  id: string
  title: string
  subtitle: string
  selfUrl: string
  /** The public page */
  alternateUrl: string
  authorName: string
  updated: Date
  entries: AtomEntry[]
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }
/** Text and attribute values; characters XML 1.0 forbids are dropped. */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"']/g, (c) => escapes[c]!)
}

/** RFC 3339 in UTC, whole seconds. */
const rfc3339 = (instant: Date) => instant.toISOString().replace(/\.\d{3}Z$/, 'Z')

export function buildAtomFeed(feed: AtomFeed): string {
  const e = escapeXml
  const entries = feed.entries.map((entry) => [
    '  <entry>',
    `    <id>${e(entry.id)}</id>`,
    `    <title>${e(entry.title)}</title>`,
    `    <updated>${rfc3339(entry.updated)}</updated>`,
    `    <author><name>${e(feed.authorName)}</name></author>`,
    ...entry.categories.map((category) => `    <category term="${e(category.term)}" label="${e(category.label)}"/>`),
    `    <summary>${e(entry.summary)}</summary>`,
    `    <link rel="alternate" type="application/cap+xml" href="${e(entry.capUrl)}"/>`,
    '  </entry>',
  ].join('\n'))
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${e(feed.id)}</id>`,
    `  <title>${e(feed.title)}</title>`,
    `  <subtitle>${e(feed.subtitle)}</subtitle>`,
    `  <updated>${rfc3339(feed.updated)}</updated>`,
    `  <author><name>${e(feed.authorName)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${e(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${e(feed.alternateUrl)}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n')
}
