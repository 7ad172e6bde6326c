import { useMemo, useState } from 'react'
import { Alert, Button, Card, Empty, Layout, Space, Spin, Tag, Typography } from 'antd'
import { LoginOutlined, TranslationOutlined, WifiOutlined } from '@ant-design/icons'
import { Link } from 'react-router'
import type { FeatureCollection, Geometry } from 'geojson'
import { useI18n } from '../../../i18n/i18n.tsx'
import { usePublicWarnings } from '../api/public.ts'
import type { PublicWarning } from '../api/types.ts'
import { LevelTag } from '../components/LevelTag.tsx'
import { levelHex } from '../components/levels.ts'
import { WarningMap } from '../map/WarningMap.tsx'

const when = (value: string, locale: 'zh' | 'en') =>
  new Date(value).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB', { hour12: false, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai' })

/** 公众预警 (`/alerts`): active warnings on the county map and in a list, no login; Chinese first. */
export function PublicWarningsPage() {
  const { t, locale, setLocale } = useI18n()
  const warnings = usePublicWarnings()
  const [selected, setSelected] = useState<string | null>(null)
  const list = warnings.data?.warnings ?? []

  // Least severe first so that red draws on top.
  const areas: FeatureCollection<Geometry> = useMemo(() => ({
    type: 'FeatureCollection',
    features: [...list].reverse()
      .filter((w) => selected === null || w.identifier === selected)
      .map((w) => ({ type: 'Feature', properties: { id: w.identifier, level: w.level }, geometry: w.area })),
  }), [list, selected])

  const text = (w: PublicWarning, zh: string | null, en: string | null) => (locale === 'en' && en ? en : zh)

  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f5f5' }} data-testid="public-warnings">
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#a8071a', paddingInline: 24 }}>
        <Typography.Title level={3} style={{ color: '#fff', margin: 0, flex: 1 }}>{t('warnings.public.title')}</Typography.Title>
        <a href="/public/cap/feed.atom" style={{ color: '#fff' }} data-testid="public-feed-link"><WifiOutlined /> {t('warnings.public.feed')}</a>
        <Button ghost icon={<TranslationOutlined />} onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')} data-testid="language-switch">{t('warnings.language')}</Button>
        <Link to="/login"><Button ghost icon={<LoginOutlined />}>{t('warnings.public.login')}</Button></Link>
      </Layout.Header>
      <Layout.Content style={{ padding: 16 }}>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <Card size="small" style={{ flex: '2 1 520px' }} styles={{ body: { padding: 8 } }}>
            <WarningMap areas={areas} height="calc(100vh - 130px)" testId="public-map" onAreaClick={(id) => setSelected((current) => (current === id ? null : id))} />
          </Card>
          <Card
            size="small"
            style={{ flex: '1 1 340px', maxHeight: 'calc(100vh - 96px)', overflow: 'auto' }}
            title={<Space>{t('warnings.public.subtitle')}<Tag>{list.length}</Tag></Space>}
            extra={warnings.data && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('warnings.public.updated', { time: when(warnings.data.generatedAt, locale) })}</Typography.Text>}
          >
            {warnings.isPending && <Spin style={{ display: 'block', margin: 24 }} />}
            {warnings.isError && <Alert type="error" showIcon message={warnings.error.message} />}
            {warnings.data && list.length === 0 && <Empty description={t('warnings.public.none')} />}
            <div data-testid="public-warning-list">
              {list.map((w) => (
                <div
                  key={w.identifier}
                  data-testid="public-warning"
                  onClick={() => setSelected((current) => (current === w.identifier ? null : w.identifier))}
                  style={{ cursor: 'pointer', borderLeft: `6px solid ${levelHex[w.level]}`, padding: '10px 12px', marginBottom: 10, borderRadius: 4, background: selected === w.identifier ? '#fffbe6' : '#fafafa' }}
                >
                  <Space direction="vertical" size={4} style={{ width: '100%' }}>
                    <Space wrap size={4}>
                      <LevelTag level={w.level} />
                      <Tag>{locale === 'en' ? w.hazardName.en : w.hazardName.zh}</Tag>
                      {w.msgType === 'Update' && <Tag color="purple">{t('warnings.msgType.Update')}</Tag>}
                    </Space>
                    <Typography.Text strong>{text(w, w.headline, w.headlineEn)}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{w.areaDesc}</Typography.Text>
                    <Typography.Paragraph style={{ margin: 0 }}>{text(w, w.description, w.descriptionEn)}</Typography.Paragraph>
                    {w.instruction && <Typography.Paragraph style={{ margin: 0 }}><b>{t('warnings.public.instruction')}：</b>{text(w, w.instruction, w.instructionEn)}</Typography.Paragraph>}
                    <Space wrap size={12} style={{ fontSize: 12, color: '#8c8c8c' }}>
                      <span>{t('warnings.public.sent', { time: when(w.sent, locale) })}</span>
                      <span>{t('warnings.public.expires', { time: when(w.expires, locale) })}</span>
                      <a href={w.capUrl} target="_blank" rel="noreferrer" onClick={(event) => event.stopPropagation()}>{t('warnings.public.xml')}</a>
                    </Space>
                  </Space>
                </div>
              ))}
            </div>
          </Card>
        </div>
      </Layout.Content>
    </Layout>
  )
}
