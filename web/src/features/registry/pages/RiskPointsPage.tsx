import { useMemo, useState } from 'react'
import { App, Button, Descriptions, Typography } from 'antd'
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons'
import { useI18n } from '../../../i18n/i18n.tsx'
import { errorText } from '../../../lib/api-error.ts'
import { enumLabel, enumOptions, formatLonLat, locationInput } from '../../../components/registry/fields.tsx'
import { RegistryListPage } from '../../../components/registry/RegistryListPage.tsx'
import { SyntheticTag } from '../../../components/registry/SyntheticTag.tsx'
import { downloadRiskCard, downloadRiskLists, riskColours, riskKinds, riskMethods, riskPoints, type RiskPoint, type RiskPointInput } from '../api/risk-points.ts'
import { RiskLevelTag } from '../components/RiskLevelTag.tsx'
import { RiskPointFields } from '../components/RiskPointFields.tsx'

/** 风险分级管控: risk points with their four-colour level, the card of each (一牌) and the three lists (三清单). */
export function RiskPointsPage() {
  const { t, locale } = useI18n()
  const { notification } = App.useApp()
  const [busy, setBusy] = useState<string | null>(null)

  const download = async (key: string, run: () => Promise<unknown>) => {
    setBusy(key)
    try {
      await run()
    } catch (error) {
      notification.error({ title: t('error.title'), description: errorText(error, locale) })
    } finally {
      setBusy(null)
    }
  }

  const columns = useMemo(() => [
    { title: t('registry.name'), dataIndex: 'name', render: (name: string, row: RiskPoint) => <>{name} <SyntheticTag synthetic={row.synthetic} /></> },
    { title: t('risk.level'), dataIndex: 'level', render: (_: unknown, row: RiskPoint) => <RiskLevelTag point={row} /> },
    { title: t('risk.score'), dataIndex: 'score', render: (score: number, row: RiskPoint) => `${row.method} ${score}` },
    { title: t('risk.kind'), dataIndex: 'kind', render: (kind: string) => enumLabel(t, 'risk.kind', kind) },
    { title: t('risk.placeType'), dataIndex: 'placeType' },
    { title: t('registry.division'), dataIndex: 'divisionName' },
    { title: t('risk.responsiblePerson'), dataIndex: 'responsiblePerson' },
    { title: t('risk.reviewDate'), dataIndex: 'reviewDate' },
  ], [t])

  return (
    <RegistryListPage<RiskPoint, RiskPoint, RiskPointInput>
      resource={riskPoints}
      title={t('risk.title')}
      testId="risk-points"
      columns={columns}
      nameOf={(row) => row.name}
      enterpriseWritable="all"
      filters={[
        { name: 'colour', placeholder: t('risk.colour'), options: enumOptions(t, 'risk.colour', riskColours) },
        { name: 'method', placeholder: t('risk.method'), options: enumOptions(t, 'risk.method', riskMethods) },
        { name: 'kind', placeholder: t('risk.kind'), options: enumOptions(t, 'risk.kind', riskKinds) },
      ]}
      excel={{ fileStem: t('risk.title') }}
      toolbarExtra={
        <Button icon={<FileExcelOutlined />} loading={busy === 'lists'} onClick={() => void download('lists', () => downloadRiskLists({}))} data-testid="risk-lists">
          {t('risk.lists')}
        </Button>
      }
      rowActions={(row) => (
        <Button type="link" size="small" icon={<FileWordOutlined />} loading={busy === row.id} onClick={() => void download(row.id, () => downloadRiskCard(row))}>
          {t('risk.card')}
        </Button>
      )}
      detailExtra={(row) => <RiskPointMore point={row} />}
      form={{
        width: 640,
        initial: { kind: 'public_place', method: 'LEC', controlMeasures: [] },
        fromDetail: (point) => point as Partial<RiskPointInput>,
        toInput: (values) => ({
          ...values,
          location: locationInput(values.location),
          exposure: values.method === 'LEC' ? values.exposure : null,
          consequence: values.method === 'LEC' ? values.consequence : null,
          severity: values.method === 'LS' ? values.severity : null,
          reviewDate: values.reviewDate || null,
        }),
        fields: <RiskPointFields />,
      }}
    />
  )
}

/** What the table leaves out: factors, hazards, measures. */
function RiskPointMore({ point }: { point: RiskPoint }) {
  const { t } = useI18n()
  const factors = point.method === 'LEC' ? `L=${point.likelihood} E=${point.exposure ?? '—'} C=${point.consequence ?? '—'}` : `L=${point.likelihood} S=${point.severity ?? '—'}`
  return (
    <Descriptions size="small" column={1} bordered style={{ marginTop: 12 }} styles={{ label: { width: 140 } }}>
      <Descriptions.Item label={t('risk.method')}>{enumLabel(t, 'risk.method', point.method)} · {factors} → {point.score}{point.bandLabel ? `（${point.bandLabel}）` : ''}</Descriptions.Item>
      <Descriptions.Item label={t('registry.location')}>{formatLonLat(point.location)}</Descriptions.Item>
      <Descriptions.Item label={t('risk.hazards')}>{point.hazards || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('risk.consequences')}>{point.consequences || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('risk.controlMeasures')}>
        {point.controlMeasures.length === 0 ? '—' : (
          <ol style={{ margin: 0, paddingInlineStart: 18 }}>
            {point.controlMeasures.map((measure, index) => (
              <li key={index}>
                <Typography.Text type="secondary">[{enumLabel(t, 'risk.controlLevel', measure.level)}]</Typography.Text> {measure.measure}
                {measure.person && <Typography.Text type="secondary"> · {measure.person}</Typography.Text>}
              </li>
            ))}
          </ol>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('risk.emergencyMeasures')}>{point.emergencyMeasures || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('registry.phone')}>{point.responsiblePhone || '—'}</Descriptions.Item>
    </Descriptions>
  )
}
