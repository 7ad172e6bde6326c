import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { buildCapAlert } from './buildCapAlert.ts'
import { goldenAlerts } from './goldenAlerts.test-data.ts'
import { parseCapAlert } from './parseCapAlert.ts'

const schema = fileURLToPath(new URL('../../../server/test-fixtures/cap/CAP-v1.2.xsd', import.meta.url))

/** xmllint's verdict on a document against the OASIS CAP 1.2 schema. Missing xmllint fails the test. */
function validateWithXsd(xml: string): { valid: boolean; output: string } {
  const run = spawnSync('xmllint', ['--noout', '--schema', schema, '-'], { input: xml, encoding: 'utf8' })
  if (run.error) {
    throw new Error(`xmllint could not run (${run.error.message}). Install it: apt-get install libxml2-utils — CAP output must be checked against the OASIS schema.`)
  }
  return { valid: run.status === 0, output: run.stderr }
}

describe('every CAP document Yingji emits validates against the OASIS CAP 1.2 XSD (xmllint)', () => {
  it.each(goldenAlerts)('$name', ({ alert }) => {
    const xml = buildCapAlert(alert)
    const verdict = validateWithXsd(xml)
    expect(verdict.output).toContain('- validates')
    expect(verdict.valid).toBe(true)
  })

  it('the check has teeth: the same document with two elements swapped is rejected by the schema', () => {
    const xml = buildCapAlert(goldenAlerts[0]!.alert).replace(/(<status>.*<\/status>)(\s*)(<msgType>.*<\/msgType>)/, '$3$2$1')
    const verdict = validateWithXsd(xml)
    expect(verdict.valid).toBe(false)
    expect(verdict.output).toMatch(/msgType.*not expected/)
  })
})

describe('round trip: build → parse gives back the same alert', () => {
  it.each(goldenAlerts)('$name', ({ alert }) => {
    expect(parseCapAlert(buildCapAlert(alert))).toEqual({ ok: true, alert })
  })
})
