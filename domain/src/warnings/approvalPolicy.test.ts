import { describe, expect, it } from 'vitest'
import { mayApprove, mayAuthor, mayCancel, mayIssueInEmergency, mayTransition } from './approvalPolicy.ts'

const clause = 'issue #5 point 3 (突发事件应对法: warnings issued by the competent government)'

describe(`${clause}: author and approver are different people; the approver is a commander or administrator`, () => {
  it.each([
    { why: 'a commander approves a duty officer\'s draft', approver: { id: 'c', role: 'commander' }, author: 'd', ok: true },
    { why: 'an administrator approves', approver: { id: 'a', role: 'admin' }, author: 'd', ok: true },
    { why: 'a commander cannot approve his own draft', approver: { id: 'c', role: 'commander' }, author: 'c', code: 'approver_is_author' },
    { why: 'a duty officer cannot approve', approver: { id: 'x', role: 'duty_officer' }, author: 'd', code: 'role_cannot_approve' },
    { why: 'a township officer cannot approve', approver: { id: 'x', role: 'township' }, author: 'd', code: 'role_cannot_approve' },
  ])('$why', ({ approver, author, ok, code }) => {
    expect(mayApprove(approver, author)).toMatchObject(ok ? { ok: true } : { ok: false, code })
  })

  it.each([
    { role: 'duty_officer', ok: true }, { role: 'department', ok: true }, { role: 'township', ok: true }, { role: 'commander', ok: true },
    { role: 'village', ok: false }, { role: 'enterprise', ok: false }, { role: 'api_client', ok: false },
  ])('$role may author: $ok', ({ role, ok }) => {
    expect(mayAuthor({ id: 'u', role }).ok).toBe(ok)
  })
})

describe(`${clause}: a commander may issue a red warning alone in an emergency`, () => {
  it.each([
    { why: 'commander, red, with a reason', role: 'commander', level: 'red' as const, reason: '暴雨已致山洪', ok: true },
    { why: 'commander, orange', role: 'commander', level: 'orange' as const, reason: '紧急', code: 'emergency_level_not_allowed' },
    { why: 'duty officer, red', role: 'duty_officer', level: 'red' as const, reason: '紧急', code: 'role_cannot_issue_alone' },
    { why: 'admin, red (not a commander)', role: 'admin', level: 'red' as const, reason: '紧急', code: 'role_cannot_issue_alone' },
    { why: 'no reason', role: 'commander', level: 'red' as const, reason: '  ', code: 'emergency_reason_missing' },
  ])('$why', ({ role, level, reason, ok, code }) => {
    expect(mayIssueInEmergency({ id: 'c', role }, level, reason)).toMatchObject(ok ? { ok: true } : { ok: false, code })
  })
  it('cancelling is for commanders and administrators', () => {
    expect(mayCancel({ id: 'c', role: 'commander' }).ok).toBe(true)
    expect(mayCancel({ id: 'd', role: 'duty_officer' }).ok).toBe(false)
  })
})

describe('lifecycle: draft → submitted → issued; rejected back to the author; issued → update/cancel', () => {
  it.each([
    { status: 'draft', action: 'submit', ok: true }, { status: 'rejected', action: 'submit', ok: true },
    { status: 'submitted', action: 'approve', ok: true }, { status: 'draft', action: 'approve', ok: false },
    { status: 'submitted', action: 'edit', ok: false }, { status: 'issued', action: 'edit', ok: false },
    { status: 'issued', action: 'delete', ok: false }, { status: 'draft', action: 'delete', ok: true },
    { status: 'issued', action: 'update', ok: true }, { status: 'superseded', action: 'update', ok: false },
    { status: 'issued', action: 'cancel', ok: true }, { status: 'cancelled', action: 'cancel', ok: false },
  ] as const)('$action from $status: $ok', ({ status, action, ok }) => {
    expect(mayTransition(status, action).ok).toBe(ok)
  })
})
