/** Password hashing (argon2id), the password policy (密码策略) and one-time passwords. */
import crypto from 'node:crypto'
import { hash, verify, type Algorithm } from '@node-rs/argon2'
import { invalid } from '../../http/errors.ts'
import { argon2Parameters, generatedPasswordLength } from './limits.ts'

// `Algorithm` is an ambient const enum, which isolatedModules cannot read; 2 is Argon2id.
const argon2id = 2 as Algorithm
const options = { algorithm: argon2id, ...argon2Parameters }

export const hashPassword = (password: string): Promise<string> => hash(password, options)

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/**
 * Checked when the username is unknown, so that answering "wrong username" takes as long as
 * "wrong password" and does not reveal which accounts exist.
 */
let dummyHash: Promise<string> | undefined
export async function spendVerificationTime(password: string): Promise<void> {
  dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'))
  await verifyPassword(await dummyHash, password)
}

export const minPasswordLength = 8
export const maxPasswordLength = 128

/** At least 8 characters with letters and digits; throws a 400 naming `field`. */
export function assertPasswordPolicy(password: string, field: string): void {
  if (password.length < minPasswordLength || password.length > maxPasswordLength
    || !/\p{L}/u.test(password) || !/\d/.test(password)) {
    throw invalid('weak_password', field,
      `密码须为 ${minPasswordLength}–${maxPasswordLength} 个字符，且同时包含字母和数字（${field}）`,
      `The password must be ${minPasswordLength}–${maxPasswordLength} characters long and contain both letters and digits (${field})`)
  }
}

// No 0/O/1/l/I: one-time passwords are read off a screen and typed by hand.
const lowercase = 'abcdefghijkmnpqrstuvwxyz'
const uppercase = 'ABCDEFGHJKLMNPQRSTUVWXYZ'
const digits = '23456789'
const alphabet = lowercase + uppercase + digits

/** A random password that always satisfies the policy. */
export function generatePassword(length = generatedPasswordLength): string {
  const pick = (chars: string) => chars[crypto.randomInt(chars.length)]!
  const chars = [pick(lowercase), pick(uppercase), pick(digits)]
  while (chars.length < length) chars.push(pick(alphabet))
  for (let i = chars.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1)
    ;[chars[i], chars[j]] = [chars[j]!, chars[i]!]
  }
  return chars.join('')
}
