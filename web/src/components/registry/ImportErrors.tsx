import { Alert, Modal, Table } from 'antd'
import { useI18n } from '../../i18n/i18n.tsx'

/** One wrong cell of an import, as the server reports it (`import_rows_invalid` details). */
export interface ImportRowError {
  /** Row number as Excel shows it. */
  row: number
  /** The column's Chinese header. */
  column: string
  message: string
  messageEn: string
}

export function isImportRowErrors(details: unknown): details is ImportRowError[] {
  return Array.isArray(details) && details.every((item) => typeof item === 'object' && item !== null && 'row' in item && 'message' in item)
}

/** Every error of a refused import, by row and column, in a table the clerk can work through. */
export function ImportErrorsModal({ errors, onClose }: { errors: ImportRowError[] | null; onClose: () => void }) {
  const { t, locale } = useI18n()
  return (
    <Modal
      open={errors !== null}
      title={t('excel.errorsTitle')}
      onCancel={onClose}
      onOk={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      width={720}
      destroyOnHidden
    >
      <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('excel.errorsSummary', { count: errors?.length ?? 0 })} />
      <Table<ImportRowError>
        data-testid="import-errors"
        size="small"
        rowKey={(error, index) => `${error.row}-${error.column}-${index ?? 0}`}
        dataSource={errors ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
        columns={[
          { title: t('excel.row'), dataIndex: 'row', width: 72 },
          { title: t('excel.column'), dataIndex: 'column', width: 180 },
          { title: t('excel.message'), key: 'message', render: (_, error) => (locale === 'zh' ? error.message : error.messageEn || error.message) },
        ]}
      />
    </Modal>
  )
}
