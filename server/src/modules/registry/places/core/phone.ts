/** Phone numbers of contacts: a Chinese mobile (11 digits from 1) or a landline with area code. */
import { phonePattern } from './schemas.ts'

const phoneRegex = new RegExp(phonePattern)

/** Null when the number looks right, else why not (zh, en). */
export function phoneProblem(phone: string): [string, string] | null {
  return phoneRegex.test(phone)
    ? null
    : [`电话号码格式不正确（应为11位手机号或带区号的固话，如 0798-6812345）：${phone}`,
      `Not a phone number (11-digit mobile or landline with area code such as 0798-6812345): ${phone}`]
}
