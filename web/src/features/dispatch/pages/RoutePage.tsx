import { useMemo, useState } from 'react'
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Input, List, Popconfirm, Segmented, Space, Tag, Typography } from 'antd'
import type { FeatureCollection, Geometry } from 'geojson'
import { useI18n } from '../../../i18n/i18n.tsx'
import { useRegistrySession } from '../../../components/registry/session.tsx'
import { errorText } from '../../../lib/api-error.ts'
import { type LonLatPair, useClosures, useCreateClosure, useRemoveClosure, useRoads, useRoute } from '../api/routing.ts'
import { RouteMap, roadStyle } from '../components/route/RouteMap.tsx'

/** Roles that close and reopen roads (the server checks again). */
const closureWriterRoles: readonly string[] = ['admin', 'duty_officer', 'commander']

type Mode = 'from' | 'to' | 'closure'

/**
 * 路径与封路: pick a start and an end on the map → the fastest route over the road network,
 * drawn with its distance and duration; draw a closure polygon (click its corners) with a reason →
 * the roads inside close at once and the route is recomputed round them; list and reopen closures.
 */
export function RoutePage() {
  const { t, locale } = useI18n()
  const { message } = App.useApp()
  const { role } = useRegistrySession()
  const canClose = closureWriterRoles.includes(role)
  const [mode, setMode] = useState<Mode>('from')
  const [from, setFrom] = useState<LonLatPair | null>(null)
  const [to, setTo] = useState<LonLatPair | null>(null)
  const [corners, setCorners] = useState<LonLatPair[]>([])
  const [reason, setReason] = useState('')
  const roads = useRoads()
  const closures = useClosures()
  const route = useRoute(from, to)
  const createClosure = useCreateClosure()
  const removeClosure = useRemoveClosure()

  const closureFeatures = useMemo<FeatureCollection<Geometry>>(() => ({
    type: 'FeatureCollection',
    features: (closures.data ?? []).filter((c) => c.geometry.type !== 'Point').map((c) => ({
      type: 'Feature', properties: { id: c.id, reason: c.reason }, geometry: c.geometry as Geometry,
    })),
  }), [closures.data])

  const onMapClick = (at: LonLatPair) => {
    if (mode === 'from') {
      setFrom(at)
      if (!to) setMode('to')
    } else if (mode === 'to') setTo(at)
    else setCorners((c) => [...c, at])
  }

  const saveClosure = () => {
    createClosure.mutate(
      { reason: reason.trim(), geometry: { type: 'Polygon', coordinates: [[...corners, corners[0]!]] } },
      {
        onSuccess: (c) => {
          message.success(t('dispatch.closure.saved').replace('{n}', String(c.closedSegments)))
          setCorners([])
          setReason('')
          setMode('from')
        },
        onError: (error) => message.error(errorText(error, locale)),
      },
    )
  }

  const answer = route.data
  const routeError = route.isError ? errorText(route.error, locale) : null
  const modes = [
    { value: 'from', label: t('dispatch.route.pickFrom') },
    { value: 'to', label: t('dispatch.route.pickTo') },
    ...(canClose ? [{ value: 'closure', label: t('dispatch.closure.draw') }] : []),
  ]

  return (
    <Flex gap={16} align="flex-start" data-testid="route-page">
      <Flex vertical gap={12} style={{ width: 340, flex: 'none' }}>
        <Card size="small" title={t('dispatch.route.title')}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Segmented block value={mode} onChange={(v) => setMode(v as Mode)} options={modes} data-testid="route-mode" />
            <Typography.Text type="secondary">{mode === 'closure' ? t('dispatch.closure.hint') : t('dispatch.route.hint')}</Typography.Text>
            {roads.data?.synthetic && <Tag color="orange">{t('dispatch.route.synthetic')}</Tag>}
            {from && to ? (
              routeError ? <Alert type="warning" showIcon message={routeError} data-testid="route-error" /> : answer && (
                <Descriptions size="small" column={1} bordered data-testid="route-result">
                  <Descriptions.Item label={t('dispatch.route.distance')}>
                    <span data-testid="route-distance">{(answer.distanceM / 1000).toFixed(1)}</span> km
                  </Descriptions.Item>
                  <Descriptions.Item label={t('dispatch.route.duration')}>
                    <span data-testid="route-duration">{Math.round(answer.durationS / 60)}</span> {t('dispatch.route.minutes')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('dispatch.route.closures')}>{answer.closures}</Descriptions.Item>
                </Descriptions>
              )
            ) : <Typography.Text type="secondary">{t('dispatch.route.none')}</Typography.Text>}
            {(from || to) && <Button size="small" onClick={() => { setFrom(null); setTo(null); setMode('from') }}>{t('dispatch.route.clear')}</Button>}
          </Space>
        </Card>

        {mode === 'closure' && canClose && (
          <Card size="small" title={t('dispatch.closure.new')} data-testid="closure-form">
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text>{t('dispatch.closure.corners').replace('{n}', String(corners.length))}</Typography.Text>
              <Input
                placeholder={t('dispatch.closure.reason')} value={reason} maxLength={500}
                onChange={(e) => setReason(e.target.value)} data-testid="closure-reason"
              />
              <Space>
                <Button type="primary" danger disabled={corners.length < 3 || reason.trim() === ''} loading={createClosure.isPending} onClick={saveClosure} data-testid="closure-save">
                  {t('dispatch.closure.save')}
                </Button>
                <Button onClick={() => setCorners((c) => c.slice(0, -1))} disabled={corners.length === 0}>{t('dispatch.closure.undo')}</Button>
                <Button onClick={() => { setCorners([]); setMode('from') }}>{t('dispatch.closure.cancel')}</Button>
              </Space>
            </Space>
          </Card>
        )}

        <Card size="small" title={`${t('dispatch.closure.list')} (${closures.data?.length ?? 0})`}>
          {closures.data && closures.data.length > 0 ? (
            <List
              size="small"
              dataSource={closures.data}
              data-testid="closure-list"
              renderItem={(c) => (
                <List.Item
                  actions={canClose ? [
                    <Popconfirm key="remove" title={t('dispatch.closure.removeConfirm')} onConfirm={() => removeClosure.mutate(c.id)} okText={t('dispatch.closure.remove')}>
                      <Button size="small" type="link" danger data-testid="closure-remove">{t('dispatch.closure.remove')}</Button>
                    </Popconfirm>,
                  ] : []}
                >
                  <List.Item.Meta
                    title={c.reason}
                    description={`${t('dispatch.closure.segments').replace('{n}', String(c.closedSegments))} · ${c.createdBy} · ${new Date(c.createdAt).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB')}`}
                  />
                </List.Item>
              )}
            />
          ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dispatch.closure.empty')} />}
        </Card>

        <Card size="small" title={t('dispatch.route.legend')}>
          <Flex wrap gap={8}>
            {Object.entries(roadStyle).filter(([k]) => k !== 'other').map(([k, s]) => (
              <Space key={k} size={4}>
                <span style={{ display: 'inline-block', width: 22, height: Math.max(2, s.width), background: s.colour, borderRadius: 2 }} />
                <Typography.Text style={{ fontSize: 12 }}>{t(`dispatch.route.class.${k}` as 'dispatch.route.class.national')}</Typography.Text>
              </Space>
            ))}
          </Flex>
        </Card>
      </Flex>
      <div style={{ flex: 1, minWidth: 0 }}>
        <RouteMap
          roads={roads.data} closures={closureFeatures} route={route.isError ? null : answer?.geometry ?? null}
          from={from} to={to} drawing={mode === 'closure' ? corners : []} onClick={onMapClick}
        />
      </div>
    </Flex>
  )
}
