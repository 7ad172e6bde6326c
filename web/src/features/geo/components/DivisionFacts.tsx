import { Descriptions, Space, Tag, Tooltip, Typography } from 'antd'
import { divisionTypeNamesEn } from '../../../i18n/messages.ts'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { DivisionLevel } from '../api/types.ts'

export interface DivisionFactsProps {
  code: string
  name: string
  level: DivisionLevel
  type: string
  population: number | null
  synthetic: boolean
  location?: { lon: number; lat: number } | null
}

/** A division's name, code, level, type and population, flagged 模拟 when synthetic. */
export function DivisionFacts(division: DivisionFactsProps) {
  const { t, locale } = useI18n()
  const typeEn = divisionTypeNamesEn[division.type]
  const type = locale === 'en' && typeEn ? `${division.type} (${typeEn})` : division.type
  const population = division.population == null
    ? t('division.unknown')
    : t('division.people', { count: division.population.toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-US') })
  return (
    <div data-testid="division-facts">
      <Space wrap size={6} style={{ marginBottom: 8 }}>
        <Typography.Text strong style={{ fontSize: 16 }}>{division.name}</Typography.Text>
        {division.synthetic && (
          <Tooltip title={t('division.syntheticHint')}>
            <Tag color="orange" data-testid="synthetic-tag">{t('division.synthetic')}</Tag>
          </Tooltip>
        )}
      </Space>
      <Descriptions size="small" column={1} bordered styles={{ label: { width: 96 } }}>
        <Descriptions.Item label={t('division.code')}>{division.code}</Descriptions.Item>
        <Descriptions.Item label={t('division.level')}>{t(`division.level.${division.level}`)}</Descriptions.Item>
        <Descriptions.Item label={t('division.type')}>{type}</Descriptions.Item>
        <Descriptions.Item label={t('division.population')}>{population}</Descriptions.Item>
        {division.location && (
          <Descriptions.Item label={t('division.location')}>
            {division.location.lon.toFixed(4)}°E, {division.location.lat.toFixed(4)}°N
          </Descriptions.Item>
        )}
      </Descriptions>
    </div>
  )
}
