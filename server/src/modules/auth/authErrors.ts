/** The auth module's typed errors with stable codes (see the API contract). */
import { AppError } from '../../http/errors.ts'

const shanghaiTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
})

export const invalidCredentials = () =>
  new AppError('unauthenticated', 'invalid_credentials', '用户名或密码错误', 'Wrong username or password')

export const accountLocked = (until: Date) => {
  const when = shanghaiTime.format(until)
  return new AppError('too_many', 'account_locked',
    `密码错误次数过多，账号已锁定，请于 ${when}（北京时间）后再试`,
    `Too many wrong passwords: the account is locked until ${when} (Beijing time)`)
}

export const tooManyLoginAttempts = () =>
  new AppError('too_many', 'too_many_login_attempts', '登录尝试过于频繁，请稍后再试', 'Too many login attempts from this address, try again in a minute')

export const accountDisabled = () =>
  new AppError('forbidden', 'account_disabled', '账号已停用，请联系管理员', 'This account is disabled; contact an administrator')

export const passwordChangeRequired = () =>
  new AppError('forbidden', 'password_change_required', '请先修改密码', 'You must change your password first')

export const roleNotAllowed = () =>
  new AppError('forbidden', 'forbidden', '您的角色无权执行此操作', 'Your role is not allowed to do this')
