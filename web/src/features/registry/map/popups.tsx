import { Descriptions, Space, Typography } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import { enumLabel } from '../../../components/registry/fields.tsx'
import type { OverlayProperties } from '../../../components/map/point-overlay.ts'
import type { MajorHazardLevel } from '../api/enterprises.ts'
import type { RiskColour, RiskPoint } from '../api/risk-points.ts'
import { MajorHazardTag } from '../components/MajorHazardTag.tsx'
import { RiskLevelTag } from '../components/RiskLevelTag.tsx'

/** MapLibre hands properties back as plain values; null may arrive as the text "null". */
const text = (value: unknown) => (value === null || value === undefined || value === 'null' ? null : String(value))

export function EnterprisePopup({ properties }: { properties: OverlayProperties }) {
  const { t } = useI18n()
  const level = text(properties.majorHazardLevel)
  return (
    <div>
      <Space wrap size={6} style={{ marginBottom: 6 }}>
        <Typography.Text strong>{text(properties.name)}</Typography.Text>
        <MajorHazardTag level={level ? (Number(level) as MajorHazardLevel) : null} />
      </Space>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('enterprise.category')}>{enumLabel(t, 'enterprise.category', text(properties.category))}</Descriptions.Item>
        <Descriptions.Item label={t('enterprise.majorHazard')}>{level ? t(`majorHazard.level.${Number(level) as MajorHazardLevel}`) : t('enterprise.notMajorHazard')}</Descriptions.Item>
        <Descriptions.Item label={t('registry.status')}>{enumLabel(t, 'enterprise.status', text(properties.status))}</Descriptions.Item>
      </Descriptions>
    </div>
  )
}

export function RiskPointPopup({ properties }: { properties: OverlayProperties }) {
  const { t } = useI18n()
  const colour = (text(properties.colour) ?? 'blue') as RiskColour
  const level = (text(properties.level) ?? 'low') as RiskPoint['level']
  return (
    <div>
      <Space wrap size={6} style={{ marginBottom: 6 }}>
        <Typography.Text strong>{text(properties.name)}</Typography.Text>
        <RiskLevelTag point={{ level, colour }} />
      </Space>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('risk.kind')}>{enumLabel(t, 'risk.kind', text(properties.kind))}</Descriptions.Item>
        <Descriptions.Item label={t('risk.score')}>{text(properties.score)}</Descriptions.Item>
        <Descriptions.Item label={t('risk.colour')}>{enumLabel(t, 'risk.colour', colour)}</Descriptions.Item>
      </Descriptions>
    </div>
  )
}

export function HazardPointPopup({ properties }: { properties: OverlayProperties }) {
  const { t } = useI18n()
  return (
    <div>
      <Typography.Text strong>{text(properties.name)}</Typography.Text>
      <Descriptions size="small" column={1} style={{ marginTop: 6 }}>
        <Descriptions.Item label={t('registry.type')}>{enumLabel(t, 'hazardPoint.type', text(properties.type))}</Descriptions.Item>
        <Descriptions.Item label={t('hazardPoint.scale')}>{enumLabel(t, 'hazardPoint.scale', text(properties.scale))}</Descriptions.Item>
        <Descriptions.Item label={t('hazardPoint.people')}>{text(properties.threatenedPeople)}</Descriptions.Item>
        <Descriptions.Item label={t('registry.status')}>{enumLabel(t, 'hazardPoint.status', text(properties.status))}</Descriptions.Item>
      </Descriptions>
    </div>
  )
}

export function ShelterPopup({ properties }: { properties: OverlayProperties }) {
  const { t } = useI18n()
  return (
    <div>
      <Typography.Text strong>{text(properties.name)}</Typography.Text>
      <Descriptions size="small" column={1} style={{ marginTop: 6 }}>
        <Descriptions.Item label={t('registry.type')}>{enumLabel(t, 'shelter.type', text(properties.type))}</Descriptions.Item>
        <Descriptions.Item label={t('registry.level')}>{enumLabel(t, 'depot.level', text(properties.level))}</Descriptions.Item>
        <Descriptions.Item label={t('shelter.capacity')}>{text(properties.capacity)}</Descriptions.Item>
        <Descriptions.Item label={t('registry.status')}>{enumLabel(t, 'shelter.status', text(properties.status))}</Descriptions.Item>
      </Descriptions>
    </div>
  )
}
