/**
 * Valid synthetic USCCs (GB 32100-2015) for demo data, tests and benchmarks: registration
 * authority 9 (工商) type 1 (企业), Leping's division 360281, a GB 11714 organisation code
 * built from a serial number, and both check characters computed by the domain.
 */
import { computeOrganizationCodeCheckCharacter, computeUsccCheckCharacter } from '@yingji/domain/registry/uscc'

/** The code of serial number `serial` (mod 10⁶) in a two-letter series: body `MA` + 6 digits. */
export function usccFor(serial: number, series = 'MA'): string {
  const body8 = `${series}${String(serial % 1_000_000).padStart(6, '0')}`
  const first17 = `91360281${body8}${computeOrganizationCodeCheckCharacter(body8)}`
  return `${first17}${computeUsccCheckCharacter(first17)}`
}
