import { useState } from 'react'
import { App, Button, Space, Upload } from 'antd'
import { DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons'
import { useI18n } from '../../i18n/i18n.tsx'
import { ApiError, errorText } from '../../lib/api-error.ts'
import { useImportMutation, type ExcelResource, type ListParams } from '../../lib/crud-resource.ts'
import { downloadFile, xlsxMediaType } from '../../lib/file-transfer.ts'
import { ImportErrorsModal, isImportRowErrors, type ImportRowError } from './ImportErrors.tsx'

export interface ExcelActionsProps {
  resource: ExcelResource
  /** The list's current filters: the export holds what the list shows. */
  params: ListParams
  /** File name stem (中文) for downloads when the server suggests none. */
  fileStem: string
  canImport: boolean
}

/** 下载模板 · 导出 · 导入: the Excel round trip of a registry. */
export function ExcelActions({ resource, params, fileStem, canImport }: ExcelActionsProps) {
  const { t, locale } = useI18n()
  const { message, notification } = App.useApp()
  const importFile = useImportMutation(resource)
  const [errors, setErrors] = useState<ImportRowError[] | null>(null)
  const [busy, setBusy] = useState<'template' | 'export' | null>(null)

  const download = async (kind: 'template' | 'export') => {
    setBusy(kind)
    try {
      const path = kind === 'template' ? resource.templatePath : resource.exportPath(params)
      await downloadFile(path, `${fileStem}${kind === 'template' ? t('excel.templateSuffix') : ''}.xlsx`)
    } catch (error) {
      notification.error({ title: t('error.title'), description: errorText(error, locale) })
    } finally {
      setBusy(null)
    }
  }

  const upload = (file: File) => {
    importFile.mutate(file, {
      onSuccess: ({ imported }) => message.success(t('excel.imported', { count: imported })),
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'import_rows_invalid' && isImportRowErrors(error.details)) setErrors(error.details)
        else notification.error({ title: t('excel.importFailed'), description: errorText(error, locale) })
      },
    })
  }

  return (
    <Space wrap>
      <Button icon={<FileExcelOutlined />} loading={busy === 'template'} onClick={() => download('template')}>{t('excel.template')}</Button>
      <Button icon={<DownloadOutlined />} loading={busy === 'export'} onClick={() => download('export')}>{t('excel.export')}</Button>
      {canImport && (
        <Upload
          accept={`.xlsx,${xlsxMediaType}`}
          showUploadList={false}
          beforeUpload={(file) => {
            upload(file)
            return false
          }}
        >
          <Button icon={<UploadOutlined />} loading={importFile.isPending} data-testid="excel-import">{t('excel.import')}</Button>
        </Upload>
      )}
      <ImportErrorsModal errors={errors} onClose={() => setErrors(null)} />
    </Space>
  )
}
