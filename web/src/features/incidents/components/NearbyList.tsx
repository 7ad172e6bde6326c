import { Checkbox, Space, Table, Tag, Typography } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { MessageKey } from '../../../i18n/messages.ts'
import { nearbyKinds, type NearbyItem, type NearbyKind } from '../api/types.ts'
import { formatDistance } from './format.ts'
import { nearbyColours } from './IncidentMap.tsx'

interface Row extends NearbyItem {
  kind: NearbyKind
}

/** What one nearby thing offers, in a few words (status, capacity, stock…). */
function detailOf(item: NearbyItem): string {
  const parts: string[] = []
  for (const key of ['status', 'type', 'capacity', 'headcount', 'riskLevel', 'level']) {
    const value = item[key]
    if (typeof value === 'string' || typeof value === 'number') parts.push(String(value))
  }
  return parts.join(' · ')
}

/** The layer toggles (with colours) and the nearest things by kind, with distances. */
export function NearbyList({ nearby, visible, onVisibleChange, radiusKm }: {
  nearby: Partial<Record<NearbyKind, NearbyItem[]>>
  visible: NearbyKind[]
  onVisibleChange: (kinds: NearbyKind[]) => void
  radiusKm?: number
}) {
  const { t } = useI18n()
  const rows: Row[] = visible.flatMap((kind) => (nearby[kind] ?? []).map((item) => ({ ...item, kind }))).sort((a, b) => a.distanceM - b.distanceM)
  return (
    <div data-testid="nearby">
      <Space wrap style={{ marginBottom: 8 }}>
        <Checkbox.Group
          value={visible}
          onChange={(values) => onVisibleChange(values as NearbyKind[])}
          options={nearbyKinds.map((kind) => ({
            value: kind,
            label: (
              <span>
                <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: nearbyColours[kind], marginRight: 4 }} />
                {t(`incidents.nearby.${kind}` as MessageKey)} ({nearby[kind]?.length ?? 0})
              </span>
            ),
          }))}
        />
        {radiusKm !== undefined && <Typography.Text type="secondary">{t('incidents.withinKm', { km: radiusKm })}</Typography.Text>}
      </Space>
      <Table<Row>
        size="small"
        rowKey={(row) => `${row.kind}:${row.id}`}
        dataSource={rows}
        pagination={{ pageSize: 6, size: 'small', hideOnSinglePage: true }}
        columns={[
          { title: t('incidents.kind'), dataIndex: 'kind', render: (kind: NearbyKind) => <Tag color={nearbyColours[kind]}>{t(`incidents.nearby.${kind}` as MessageKey)}</Tag> },
          { title: t('incidents.name'), dataIndex: 'name' },
          { title: t('incidents.detail'), key: 'detail', render: (_, row) => <Typography.Text type="secondary">{detailOf(row)}</Typography.Text> },
          { title: t('incidents.distance'), dataIndex: 'distanceM', align: 'right', render: (value: number) => <span data-testid="nearby-distance">{formatDistance(value)}</span> },
        ]}
      />
    </div>
  )
}
