import { Alert, Table, Tag } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import { useCertificateWarnings, type CertificateWarning } from '../api/get-certificate-warnings.ts'

/** Members whose certificates have expired or expire soon (证书到期预警). */
export function CertificateWarnings() {
  const { t } = useI18n()
  const warnings = useCertificateWarnings({})
  const items = warnings.data?.items ?? []
  if (warnings.isPending || items.length === 0) return null
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="certificate-warnings"
      title={t('certificate.warnings', { count: items.length, days: warnings.data?.days ?? 0 })}
      description={
        <Table<CertificateWarning>
          size="small"
          rowKey={(row) => `${row.memberId}:${row.certificateName}:${row.expiresOn}`}
          dataSource={items}
          pagination={{ pageSize: 5, hideOnSinglePage: true, size: 'small' }}
          columns={[
            { title: t('team.title'), dataIndex: 'teamName' },
            { title: t('expert.name'), dataIndex: 'memberName' },
            { title: t('team.certificates'), dataIndex: 'certificateName' },
            { title: t('certificate.expiresOn'), dataIndex: 'expiresOn' },
            {
              title: t('stock.state'), dataIndex: 'daysLeft',
              render: (days: number, row) => (row.expired ? <Tag color="red">{t('stock.expired', { days: -days })}</Tag> : <Tag color="orange">{t('stock.expiresIn', { days })}</Tag>),
            },
          ]}
        />
      }
    />
  )
}
