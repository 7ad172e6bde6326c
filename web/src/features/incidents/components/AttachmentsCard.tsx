import { App, Button, Card, Empty, Image, List, Space, Tag, Typography, Upload } from 'antd'
import { DownloadOutlined, FileOutlined, FilePdfOutlined, FileWordOutlined, UploadOutlined } from '@ant-design/icons'
import { errorText } from '../../../lib/api-error.ts'
import { downloadFile, formatFileSize } from '../../../lib/file-transfer.ts'
import { useI18n } from '../../../i18n/i18n.tsx'
import { useUploadAttachment } from '../api/incidents.ts'
import type { IncidentAttachment, IncidentTask } from '../api/types.ts'
import { formatTime } from './format.ts'

/** The server's limit for an incident attachment (files.ts `maxAttachmentBytes`). */
const maxBytes = 10 * 1024 * 1024

export const isImage = (mediaType: string) => mediaType.startsWith('image/')
/** The attachment opened in the browser rather than saved (images, PDF). */
export const inlineUrl = (url: string) => `${url}?inline=true`

function FileIcon({ mediaType }: { mediaType: string }) {
  const style = { fontSize: 28, color: '#8c8c8c' }
  if (mediaType === 'application/pdf') return <FilePdfOutlined style={{ ...style, color: '#cf1322' }} />
  if (mediaType.includes('wordprocessingml')) return <FileWordOutlined style={{ ...style, color: '#1d39c4' }} />
  return <FileOutlined style={style} />
}

/** 附件: photos and documents on the incident (task photos too, tagged with their task); upload, open, download. */
export function AttachmentsCard({ incidentId, attachments, tasks, canUpload }: { incidentId: string; attachments: IncidentAttachment[]; tasks: IncidentTask[]; canUpload: boolean }) {
  const { t, locale } = useI18n()
  const { message } = App.useApp()
  const upload = useUploadAttachment(incidentId)
  const taskTitle = new Map(tasks.map((task) => [task.id, task.title]))
  return (
    <Card
      size="small"
      title={<span>{t('incidents.attachments')} <Tag>{attachments.length}</Tag></span>}
      data-testid="incident-attachments"
      style={{ marginBottom: 12 }}
      extra={canUpload && (
        <Upload
          accept=".jpg,.jpeg,.png,.webp,.pdf,.docx"
          multiple
          showUploadList={false}
          beforeUpload={(file) => {
            if (file.size > maxBytes) {
              void message.error(t('incidents.fileTooLarge', { name: file.name, mb: maxBytes / 1024 / 1024 }))
              return false
            }
            upload.mutate(file, {
              onSuccess: (a) => void message.success(t('incidents.uploaded', { name: a.fileName })),
              onError: (e) => void message.error(errorText(e, locale)),
            })
            return false
          }}
        >
          <Button size="small" icon={<UploadOutlined />} loading={upload.isPending} data-testid="attachment-upload">{t('incidents.upload')}</Button>
        </Upload>
      )}
    >
      {attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('incidents.noAttachments')} />
      ) : (
        <Image.PreviewGroup>
          <List
            size="small"
            dataSource={attachments}
            renderItem={(a) => (
              <List.Item
                data-testid="attachment-item"
                actions={[
                  <Button
                    key="download"
                    type="link"
                    size="small"
                    icon={<DownloadOutlined />}
                    aria-label={t('incidents.download')}
                    onClick={() => void downloadFile(a.url, a.fileName).catch((e: unknown) => message.error(errorText(e, locale)))}
                  />,
                ]}
              >
                <List.Item.Meta
                  avatar={isImage(a.mediaType)
                    ? <Image width={48} height={48} style={{ objectFit: 'cover', borderRadius: 4 }} src={inlineUrl(a.url)} alt={a.fileName} data-testid="attachment-thumbnail" />
                    : <div style={{ width: 48, textAlign: 'center' }}><FileIcon mediaType={a.mediaType} /></div>}
                  title={
                    <Space size={4} wrap>
                      <Typography.Link href={isImage(a.mediaType) || a.mediaType === 'application/pdf' ? inlineUrl(a.url) : a.url} target="_blank" rel="noreferrer" data-testid="attachment-name">{a.fileName}</Typography.Link>
                      {a.taskId && <Tag color="geekblue">{t('incidents.taskPhoto')}{taskTitle.has(a.taskId) ? `：${taskTitle.get(a.taskId)}` : ''}</Tag>}
                    </Space>
                  }
                  description={<span style={{ fontSize: 12 }}>{formatFileSize(a.sizeBytes)} · {a.uploadedBy} · {formatTime(a.createdAt)}</span>}
                />
              </List.Item>
            )}
          />
        </Image.PreviewGroup>
      )}
    </Card>
  )
}
