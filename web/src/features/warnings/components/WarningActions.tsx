import { useState } from 'react'
import { App, Button, Input, Modal, Popconfirm, Space } from 'antd'
import { useNavigate } from 'react-router'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { Warning } from '../api/types.ts'
import { useDeleteWarning, useWarningAction, type WarningAction } from '../api/warnings.ts'

/** The actions the server allows this user on this warning now (`allowedActions`): submit, approve, reject, update, cancel … */
export function WarningActions({ warning, size = 'small', showOpen = false, editing = false }: { warning: Warning; size?: 'small' | 'middle'; showOpen?: boolean; editing?: boolean }) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const action = useWarningAction()
  const remove = useDeleteWarning()
  // Reject needs a comment; cancel and emergency issue need a reason.
  const [asking, setAsking] = useState<'reject' | 'cancel' | 'issue-emergency' | null>(null)
  const [comment, setComment] = useState('')
  const allowed = new Set(warning.allowedActions ?? [])

  const run = async (name: WarningAction, body?: object) => {
    try {
      const result = await action.mutateAsync({ id: warning.id, action: name, body })
      message.success(t('warnings.action.done'))
      // Update and Cancel may answer a new message (msgType Update/Cancel) to edit or look at.
      if (result && typeof result === 'object' && 'id' in result && result.id !== warning.id) {
        navigate(result.status === 'draft' ? `/warnings/${result.id}/edit` : `/warnings/${result.id}`)
      }
    } catch (error) {
      message.error((error as Error).message)
    }
  }

  const buttons = []
  if (showOpen) buttons.push(<Button key="open" size={size} type="link" onClick={() => navigate(`/warnings/${warning.id}`)}>{t('warnings.action.open')}</Button>)
  if (allowed.has('edit') && !editing) buttons.push(<Button key="edit" size={size} onClick={() => navigate(`/warnings/${warning.id}/edit`)} data-testid="warning-edit">{t('warnings.action.edit')}</Button>)
  if (allowed.has('submit')) {
    buttons.push(<Button key="submit" size={size} type="primary" loading={action.isPending} onClick={() => run('submit')} data-testid="warning-submit">{t('warnings.action.submit')}</Button>)
  }
  if (allowed.has('delete')) {
    buttons.push(
      <Popconfirm key="delete" title={t('warnings.confirm.delete')} onConfirm={async () => { await remove.mutateAsync(warning.id).catch((e: Error) => message.error(e.message)); navigate('/warnings/list') }}>
        <Button size={size} danger data-testid="warning-delete">{t('warnings.action.delete')}</Button>
      </Popconfirm>,
    )
  }
  if (allowed.has('issueEmergency')) {
    buttons.push(
      <Button key="emergency" size={size} danger type="primary" onClick={() => setAsking('issue-emergency')} data-testid="warning-emergency">{t('warnings.action.emergency')}</Button>,
    )
  }
  if (allowed.has('approve')) {
    buttons.push(
      <Popconfirm key="approve" title={t('warnings.confirm.approve')} onConfirm={() => run('approve')}>
        <Button size={size} type="primary" loading={action.isPending} data-testid="warning-approve">{t('warnings.action.approve')}</Button>
      </Popconfirm>,
    )
  }
  if (allowed.has('reject')) {
    buttons.push(<Button key="reject" size={size} danger onClick={() => setAsking('reject')} data-testid="warning-reject">{t('warnings.action.reject')}</Button>)
  }
  if (allowed.has('update')) buttons.push(<Button key="update" size={size} onClick={() => run('update')} data-testid="warning-update">{t('warnings.action.update')}</Button>)
  if (allowed.has('cancel')) buttons.push(<Button key="cancel" size={size} danger onClick={() => setAsking('cancel')} data-testid="warning-cancel">{t('warnings.action.cancel')}</Button>)
  const asked = asking === 'reject'
    ? { title: t('warnings.action.reject'), hint: t('warnings.commentRequired'), body: (text: string) => ({ comment: text }) }
    : asking === 'cancel'
      ? { title: t('warnings.action.cancel'), hint: `${t('warnings.confirm.cancel')} ${t('warnings.reasonRequired')}`, body: (text: string) => ({ reason: text }) }
      : { title: t('warnings.action.emergency'), hint: `${t('warnings.confirm.emergency')} ${t('warnings.reasonRequired')}`, body: (text: string) => ({ reason: text }) }
  return (
    <>
      <Space wrap size={4}>{buttons}</Space>
      <Modal
        open={asking !== null}
        title={asked.title}
        okButtonProps={{ disabled: comment.trim() === '', danger: true }}
        onCancel={() => setAsking(null)}
        onOk={async () => { await run(asking!, asked.body(comment.trim())); setAsking(null); setComment('') }}
        destroyOnHidden
      >
        <Input.TextArea rows={3} placeholder={asked.hint} value={comment} onChange={(event) => setComment(event.target.value)} maxLength={1000} data-testid="action-text" />
      </Modal>
    </>
  )
}
