import { useState } from 'react'
import { App, Badge, Button, Card, Col, Empty, Image, Input, Modal, Row, Space, Tag, Typography, Upload, type ButtonProps, type UploadFile } from 'antd'
import { CameraOutlined } from '@ant-design/icons'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { MessageKey } from '../../../i18n/messages.ts'
import { useTaskAction } from '../api/incidents.ts'
import { taskStatuses, type IncidentTask, type TaskAction } from '../api/types.ts'
import { inlineUrl } from './AttachmentsCard.tsx'
import { Countdown } from './Countdown.tsx'
import { formatTime, levelNumeral } from './format.ts'

/** A status move, or feedback (text and photos) that leaves the status as it is. */
type TaskStep = TaskAction | 'feedback'

/** The server's limits for task photos (tasks.ts `maxPhotoBytes`, schemas.ts `maxItems`). */
const maxPhotoBytes = 5 * 1024 * 1024
const maxPhotos = 6

/** 任务看板: one column per status; accept, start, done or block (with feedback and photos), as the task's state allows. */
export function TaskBoard({ incidentId, tasks, canAct }: { incidentId: string; tasks: IncidentTask[]; canAct: boolean }) {
  const { t } = useI18n()
  const [acting, setActing] = useState<{ task: IncidentTask; action: TaskStep } | null>(null)
  if (tasks.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('incidents.noTasks')} data-testid="task-board" />
  return (
    <div data-testid="task-board">
      <Row gutter={8} wrap={false} style={{ overflowX: 'auto' }}>
        {taskStatuses.map((status) => {
          const column = tasks.filter((task) => task.status === status)
          return (
            <Col key={status} flex="1 0 210px" data-testid={`task-column-${status}`}>
              <div style={{ background: status === 'blocked' && column.length ? '#fff1f0' : '#f5f7fa', borderRadius: 6, padding: 8, minHeight: 120, height: '100%' }}>
                <Space style={{ marginBottom: 8 }}>
                  <Typography.Text strong>{t(`incidents.task.${status}` as MessageKey)}</Typography.Text>
                  <Badge count={column.length} showZero color={status === 'blocked' ? 'red' : status === 'done' ? 'green' : '#8c8c8c'} />
                </Space>
                {column.map((task) => (
                  <TaskCard key={task.id} task={task} canAct={canAct} onAction={(action) => setActing({ task, action })} />
                ))}
              </div>
            </Col>
          )
        })}
      </Row>
      <TaskActionModal incidentId={incidentId} acting={acting} onClose={() => setActing(null)} />
    </div>
  )
}

function TaskCard({ task, canAct, onAction }: { task: IncidentTask; canAct: boolean; onAction: (action: TaskStep) => void }) {
  const { t } = useI18n()
  const finished = task.status === 'done'
  const last = task.updates.at(-1)
  return (
    <Card size="small" style={{ marginBottom: 8, borderColor: task.overdue ? '#ff7875' : undefined }} data-testid="task-card" data-status={task.status}>
      <Typography.Paragraph style={{ marginBottom: 4 }} data-testid="task-title">{task.title}</Typography.Paragraph>
      <Space size={4} wrap>
        <Tag color="geekblue" data-testid="task-assignee">{task.assignee.name}</Tag>
        {task.level && <Tag color="volcano">{t('incidents.levelName', { level: levelNumeral(task.level) })}</Tag>}
        {task.overdue && <Tag color="error">{t('incidents.overdue')}</Tag>}
      </Space>
      {task.deadline && !finished && <div style={{ fontSize: 12, marginTop: 2 }}><Countdown dueAt={task.deadline} testId="task-countdown" /></div>}
      {task.feedback && <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }} data-testid="task-feedback">{task.feedback}</Typography.Paragraph>}
      {task.photos.length > 0 && (
        <Image.PreviewGroup>
          <Space size={4} wrap style={{ marginTop: 4 }} data-testid="task-photos">
            {task.photos.map((photo) => (
              <Image key={photo.id} width={44} height={44} style={{ objectFit: 'cover', borderRadius: 4 }} src={inlineUrl(photo.url)} alt={photo.fileName} data-testid="task-photo" />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      {last && <div><Typography.Text type="secondary" style={{ fontSize: 11 }}>{last.by} · {formatTime(last.at)}</Typography.Text></div>}
      {canAct && (
        <Space size={4} style={{ marginTop: 6 }} wrap>
          {task.actions.map((action) => (
            <Button key={action} size="small" type={action === 'block' ? 'default' : 'primary'} danger={action === 'block'} onClick={() => onAction(action)} data-testid={`task-${action}`}>
              {t(`incidents.taskAction.${action}` as MessageKey)}
            </Button>
          ))}
          <Button size="small" icon={<CameraOutlined />} onClick={() => onAction('feedback')} data-testid="task-feedback-button">{t('incidents.taskAction.feedback')}</Button>
        </Space>
      )}
    </Card>
  )
}

function TaskActionModal({ incidentId, acting, onClose }: { incidentId: string; acting: { task: IncidentTask; action: TaskStep } | null; onClose: () => void }) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const act = useTaskAction(incidentId)
  const [feedback, setFeedback] = useState('')
  const [photos, setPhotos] = useState<UploadFile[]>([])
  // Blocking needs a reason; feedback needs its text (the server's rules).
  const required = acting?.action === 'block' || acting?.action === 'feedback'
  const reset = () => { setFeedback(''); setPhotos([]); onClose() }
  return (
    <Modal
      open={acting !== null}
      title={acting ? `${t(`incidents.taskAction.${acting.action}` as MessageKey)} · ${acting.task.title}` : ''}
      okButtonProps={{ disabled: required && !feedback.trim(), 'data-testid': 'task-action-confirm' } as ButtonProps}
      confirmLoading={act.isPending}
      onCancel={reset}
      onOk={() =>
        acting && act.mutate(
          { taskId: acting.task.id, action: acting.action, ...(feedback.trim() ? { text: feedback.trim() } : {}), photos: photos.flatMap((p) => (p.originFileObj ? [p.originFileObj] : [])) },
          { onSuccess: reset },
        )
      }
      destroyOnHidden
    >
      <Input.TextArea
        rows={3}
        maxLength={4000}
        value={feedback}
        onChange={(event) => setFeedback(event.target.value)}
        placeholder={t(required ? (acting?.action === 'block' ? 'incidents.blockReason' : 'incidents.feedbackRequired') : 'incidents.feedbackOptional')}
        aria-label={t('incidents.feedback')}
      />
      <div style={{ marginTop: 12 }} data-testid="task-photo-upload">
        <Upload
          accept=".jpg,.jpeg,.png,.webp"
          listType="picture-card"
          multiple
          maxCount={maxPhotos}
          fileList={photos}
          beforeUpload={(file) => {
            if (file.size > maxPhotoBytes) {
              void message.error(t('incidents.fileTooLarge', { name: file.name, mb: maxPhotoBytes / 1024 / 1024 }))
              return Upload.LIST_IGNORE
            }
            // Kept here and sent with the feedback (base64 in the JSON body).
            return false
          }}
          onChange={({ fileList }) => setPhotos(fileList)}
        >
          {photos.length < maxPhotos && <div><CameraOutlined /><div style={{ marginTop: 4, fontSize: 12 }}>{t('incidents.addPhoto')}</div></div>}
        </Upload>
      </div>
    </Modal>
  )
}
