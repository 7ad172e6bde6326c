import { App, Button, Card, Popconfirm, Table, Upload } from 'antd'
import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons'
import { errorText } from '../../../lib/api-error.ts'
import { downloadFile, formatFileSize } from '../../../lib/file-transfer.ts'
import { useI18n } from '../../../i18n/i18n.tsx'
import { useDeleteAttachment, useUploadAttachment } from '../api/plans.ts'
import type { Attachment } from '../api/types.ts'

/** 预案附件: PDF/DOCX upload (≤ 20 MB, checked by the server), download and delete. */
export function PlanAttachments({ planId, attachments, canWrite }: { planId: string; attachments: Attachment[]; canWrite: boolean }) {
  const { t, locale } = useI18n()
  const { message } = App.useApp()
  const upload = useUploadAttachment(planId)
  const remove = useDeleteAttachment(planId)
  return (
    <Card
      title={t('plans.attachments')}
      data-testid="plan-attachments"
      extra={canWrite && (
        <Upload
          accept=".pdf,.docx"
          showUploadList={false}
          beforeUpload={(file) => {
            upload.mutate(file, {
              onSuccess: (a) => void message.success(t('plans.uploaded', { name: a.fileName })),
              onError: (e) => void message.error(errorText(e, locale)),
            })
            return false
          }}
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="upload-attachment">{t('plans.upload')}</Button>
        </Upload>
      )}
    >
      <Table<Attachment>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={attachments}
        columns={[
          { title: t('plans.fileName'), dataIndex: 'fileName' },
          { title: t('plans.size'), dataIndex: 'sizeBytes', width: 100, render: formatFileSize },
          { title: t('plans.uploadedBy'), dataIndex: 'uploadedByName', width: 120 },
          { title: t('plans.at'), dataIndex: 'uploadedAt', width: 170, render: (v: string) => new Date(v).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB') },
          {
            title: '', width: 120, render: (_v, a) => (
              <>
                <Button type="link" size="small" icon={<DownloadOutlined />} onClick={() => void downloadFile(`/api/plans/${planId}/attachments/${a.id}`, a.fileName).catch((e: unknown) => message.error(errorText(e, locale)))}>{t('plans.download')}</Button>
                {canWrite && (
                  <Popconfirm title={t('plans.deleteConfirm')} onConfirm={() => remove.mutate(a.id)}>
                    <Button type="link" size="small" danger icon={<DeleteOutlined />} />
                  </Popconfirm>
                )}
              </>
            ),
          },
        ]}
      />
    </Card>
  )
}
