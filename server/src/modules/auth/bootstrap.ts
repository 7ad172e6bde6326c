import type { Platform } from '../../platform.ts'

// STUB — creates `admin` on first start.
export async function ensureAdmin(_platform: Platform): Promise<{ generatedPassword: string | null }> {
  return { generatedPassword: null }
}
