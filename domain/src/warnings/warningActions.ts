/**
 * What one person may do to one warning now (预警操作权限): the single place that combines
 * jurisdiction, role, authorship and status. The server refuses with the verdict's message and
 * lists the allowed actions in the warning it returns, so the UI shows only those.
 *
 * - A draft or rejected warning is its author's: only the author edits, submits or deletes it
 *   (a rejection goes back to the author; an approver who rewrote it would approve his own text).
 * - Every action needs the warning's owning division inside the caller's jurisdiction: a
 *   township officer sees a county warning covering the township but cannot update or cancel it.
 * - An Update or a Cancel refers to a warning in force: issued, not expired, not itself a Cancel.
 */
import { isWithinDivision } from '../geo/divisionCode.ts'
import type { WarningLevel } from '../cap/warningLevels.ts'
import {
  defaultApprovalPolicy, mayApprove, mayAuthor, mayCancel, mayIssueInEmergency, mayTransition,
  type ApprovalPolicy, type PolicyVerdict, type WarningAction, type WarningStatus,
} from './approvalPolicy.ts'

export const warningActions: readonly WarningAction[] = ['edit', 'delete', 'submit', 'approve', 'reject', 'issueEmergency', 'update', 'cancel']

export interface WarningActor {
  id: string
  role: string
  /** 12-digit division code: the root of the caller's jurisdiction */
  jurisdiction: string
}

export interface WarningState {
  status: WarningStatus
  msgType: 'Alert' | 'Update' | 'Cancel'
  level: WarningLevel
  /** The narrowest division containing the warning's area (its owner) */
  divisionCode: string
  createdBy: { id: string; name: string }
  expired: boolean
}

/** A refusal is a 403 (who you are) or a 409 (what state the warning is in). */
export type ActionVerdict = { ok: true } | { ok: false; kind: 'forbidden' | 'conflict'; code: string; message: string; messageEn: string }

const actionNames: Record<WarningAction, { zh: string; en: string }> = {
  edit: { zh: '修改', en: 'edit' }, delete: { zh: '删除', en: 'delete' }, submit: { zh: '提交', en: 'submit' },
  approve: { zh: '审批', en: 'approve' }, reject: { zh: '退回', en: 'reject' }, issueEmergency: { zh: '紧急发布', en: 'issue' },
  update: { zh: '更新', en: 'update' }, cancel: { zh: '解除', en: 'cancel' },
}

const forbid = (v: PolicyVerdict): ActionVerdict => (v.ok ? v : { ...v, kind: 'forbidden' })
const conflict = (v: PolicyVerdict): ActionVerdict => (v.ok ? v : { ...v, kind: 'conflict' })
const ok: ActionVerdict = { ok: true }

function roleVerdict(actor: WarningActor, warning: WarningState, action: WarningAction, policy: ApprovalPolicy): ActionVerdict {
  switch (action) {
    case 'edit': case 'delete': case 'submit': {
      const role = forbid(mayAuthor(actor, policy))
      if (!role.ok || actor.id === warning.createdBy.id) return role
      return {
        ok: false, kind: 'forbidden', code: 'not_author',
        message: `只有编制人${warning.createdBy.name}可以${actionNames[action].zh}该预警草稿`,
        messageEn: `Only the author, ${warning.createdBy.name}, can ${actionNames[action].en} this draft`,
      }
    }
    case 'approve': case 'reject': return forbid(mayApprove(actor, warning.createdBy.id, policy))
    // the reason is checked when it is given
    case 'issueEmergency': return forbid(mayIssueInEmergency(actor, warning.level, '-', policy))
    case 'update': return forbid(mayAuthor(actor, policy))
    case 'cancel': return forbid(mayCancel(actor, policy))
  }
}

export function warningActionVerdict(actor: WarningActor, warning: WarningState, action: WarningAction, policy: ApprovalPolicy = defaultApprovalPolicy): ActionVerdict {
  if (!isWithinDivision(warning.divisionCode, actor.jurisdiction)) {
    return {
      ok: false, kind: 'forbidden', code: 'warning_outside_jurisdiction',
      message: `该预警的范围超出您的管辖范围，您不能${actionNames[action].zh}它`,
      messageEn: `The warning's area reaches outside your jurisdiction: you cannot ${actionNames[action].en} it`,
    }
  }
  const role = roleVerdict(actor, warning, action, policy)
  if (!role.ok) return role
  const status = conflict(mayTransition(warning.status, action))
  if (!status.ok) return status
  if (action === 'update' || action === 'cancel') {
    if (warning.msgType === 'Cancel') {
      return { ok: false, kind: 'conflict', code: 'cancel_is_final', message: '解除通知不能再更新或解除', messageEn: 'A Cancel message cannot be updated or cancelled' }
    }
    if (warning.expired) {
      return {
        ok: false, kind: 'conflict', code: 'warning_expired',
        message: `预警已过失效时间，不再生效，不能${actionNames[action].zh}`, messageEn: `The warning has expired and is no longer in force: you cannot ${actionNames[action].en} it`,
      }
    }
  }
  return ok
}

const issuedLike: readonly WarningStatus[] = ['issued', 'superseded', 'cancelled']

/**
 * Who sees a warning: its owner's jurisdiction and above (drafts included), and, once issued,
 * everyone whose jurisdiction it names, covers or lies in (a township sees a county warning).
 */
export function mayViewWarning(actor: Pick<WarningActor, 'jurisdiction'>, warning: { status: WarningStatus; divisionCode: string; divisionCodes: readonly string[] }): boolean {
  return isWithinDivision(warning.divisionCode, actor.jurisdiction)
    || (issuedLike.includes(warning.status) && warning.divisionCodes.some((c) => isWithinDivision(c, actor.jurisdiction) || isWithinDivision(actor.jurisdiction, c)))
}

/** The actions the person may take now, in the order the UI shows them. */
export function allowedWarningActions(actor: WarningActor, warning: WarningState, policy: ApprovalPolicy = defaultApprovalPolicy): WarningAction[] {
  return warningActions.filter((action) => warningActionVerdict(actor, warning, action, policy).ok)
}
