/**
 * Who may author, approve and issue warnings (预警审批): issue #5 point 3. A warning is issued
 * by two people — the author (值班员, 部门, 乡镇 or above) and a different approver who is a
 * commander (指挥长) or an administrator — except that a commander may issue a RED warning alone
 * in an emergency, with a reason, which is audited. Cancelling an issued warning is a
 * commander's or administrator's act and takes effect at once. The roles are the platform's
 * (server/src/http/access.ts); the policy is data so a deployment can change it.
 */
import type { WarningLevel } from '../cap/warningLevels.ts'

export type WarningStatus = 'draft' | 'submitted' | 'rejected' | 'issued' | 'superseded' | 'cancelled'

export interface ApprovalPolicy {
  authorRoles: readonly string[]
  approverRoles: readonly string[]
  /** Roles that may issue alone in an emergency, and the levels they may do so at */
  emergencyRoles: readonly string[]
  emergencyLevels: readonly WarningLevel[]
  cancelRoles: readonly string[]
}

export const defaultApprovalPolicy: ApprovalPolicy = {
  authorRoles: ['admin', 'duty_officer', 'commander', 'department', 'township'],
  approverRoles: ['commander', 'admin'],
  emergencyRoles: ['commander'],
  emergencyLevels: ['red'],
  cancelRoles: ['commander', 'admin'],
}

export interface PolicyRefusal {
  code: string
  message: string
  messageEn: string
}

export type PolicyVerdict = { ok: true } | ({ ok: false } & PolicyRefusal)

const refuse = (code: string, message: string, messageEn: string): PolicyVerdict => ({ ok: false, code, message, messageEn })
const allow: PolicyVerdict = { ok: true }

export interface Person { id: string; role: string }

export function mayAuthor(person: Person, policy: ApprovalPolicy = defaultApprovalPolicy): PolicyVerdict {
  return policy.authorRoles.includes(person.role) ? allow : refuse('role_cannot_author', '您的角色不能编制预警', 'Your role cannot author warnings')
}

/** Four eyes: the approver is a commander or administrator and not the author. */
export function mayApprove(approver: Person, authorId: string, policy: ApprovalPolicy = defaultApprovalPolicy): PolicyVerdict {
  if (!policy.approverRoles.includes(approver.role)) return refuse('role_cannot_approve', '只有指挥长或管理员可以审批预警', 'Only a commander or an administrator can approve a warning')
  if (approver.id === authorId) return refuse('approver_is_author', '编制人不能审批自己编制的预警', 'The author of a warning cannot approve it')
  return allow
}

/** A commander issuing alone: only a red warning, only with a reason. */
export function mayIssueInEmergency(person: Person, level: WarningLevel, reason: string, policy: ApprovalPolicy = defaultApprovalPolicy): PolicyVerdict {
  if (!policy.emergencyRoles.includes(person.role)) return refuse('role_cannot_issue_alone', '只有指挥长可以紧急直接发布预警', 'Only a commander can issue a warning alone in an emergency')
  if (!policy.emergencyLevels.includes(level)) return refuse('emergency_level_not_allowed', '紧急直接发布仅限红色预警', 'Only a red warning may be issued alone in an emergency')
  if (reason.trim().length === 0) return refuse('emergency_reason_missing', '紧急直接发布须说明理由', 'Issuing alone in an emergency needs a reason')
  return allow
}

export function mayCancel(person: Person, policy: ApprovalPolicy = defaultApprovalPolicy): PolicyVerdict {
  return policy.cancelRoles.includes(person.role) ? allow : refuse('role_cannot_cancel', '只有指挥长或管理员可以解除预警', 'Only a commander or an administrator can cancel a warning')
}

export type WarningAction = 'edit' | 'delete' | 'submit' | 'approve' | 'reject' | 'issueEmergency' | 'update' | 'cancel'

/** The statuses each action starts from, and where it leads. */
export const warningTransitions: Readonly<Record<WarningAction, { from: readonly WarningStatus[]; to: WarningStatus | null }>> = {
  edit: { from: ['draft', 'rejected'], to: null },
  delete: { from: ['draft', 'rejected'], to: null },
  submit: { from: ['draft', 'rejected'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'issued' },
  reject: { from: ['submitted'], to: 'rejected' },
  issueEmergency: { from: ['draft', 'rejected', 'submitted'], to: 'issued' },
  // an Update draft or a Cancel refers to the warning in force
  update: { from: ['issued'], to: null },
  cancel: { from: ['issued'], to: 'cancelled' },
}

const statusNames: Record<WarningStatus, string> = {
  draft: '草稿', submitted: '待审批', rejected: '已退回', issued: '已发布', superseded: '已被更新', cancelled: '已解除',
}

export function mayTransition(status: WarningStatus, action: WarningAction): PolicyVerdict {
  return warningTransitions[action].from.includes(status)
    ? allow
    : refuse('invalid_status', `预警当前状态为“${statusNames[status]}”，不能执行此操作`, `The warning is ${status}; this action is not possible`)
}
