import { Checkbox, Space, Table, Tag, Typography } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { MessageKey } from '../../../i18n/messages.ts'
import { nearbyKinds, type NearbyItem, type NearbyKind } from '../api/types.ts'
import { formatDistance } from './format.ts'
import { nearbyColours } from './IncidentMap.tsx'

/** What one nearby thing offers, in a few words: team status and headcount, shelter capacity, depot stock… */
function useDetailText() {
  const { t } = useI18n()
  return (item: NearbyItem): string => {
    const d = item.detail ?? {}
    const parts: string[] = []
    if (typeof d.headcount === 'number') parts.push(t('incidents.headcount', { count: d.headcount }))
    if (typeof d.capacity === 'number') parts.push(t('incidents.capacity', { count: d.capacity }))
    if (Array.isArray(d.stock) && d.stock.length > 0) {
      parts.push((d.stock as { name: string; quantity: number; unit: string }[]).slice(0, 3).map((s) => `${s.name} ${s.quantity}${s.unit}`).join('、'))
    }
    if (typeof d.leaderPhone === 'string' && d.leaderPhone) parts.push(d.leaderPhone)
    return parts.join(' · ')
  }
}

/** The layer toggles (with colours and counts) and the nearest things, with distances. */
export function NearbyList({ items, visible, onVisibleChange }: { items: NearbyItem[]; visible: NearbyKind[]; onVisibleChange: (kinds: NearbyKind[]) => void }) {
  const { t } = useI18n()
  const detailText = useDetailText()
  const rows = items.filter((item) => visible.includes(item.kind))
  const count = (kind: NearbyKind) => items.filter((item) => item.kind === kind).length
  return (
    <div data-testid="nearby">
      <Checkbox.Group
        style={{ marginBottom: 8 }}
        value={visible}
        onChange={(values) => onVisibleChange(values as NearbyKind[])}
        options={nearbyKinds.map((kind) => ({
          value: kind,
          label: (
            <Space size={4}>
              <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: nearbyColours[kind] }} />
              {t(`incidents.nearby.${kind}` as MessageKey)} ({count(kind)})
            </Space>
          ),
        }))}
      />
      <Table<NearbyItem>
        size="small"
        rowKey={(row) => `${row.kind}:${row.id}`}
        dataSource={rows}
        pagination={{ pageSize: 5, size: 'small', hideOnSinglePage: true }}
        columns={[
          { title: t('incidents.kind'), dataIndex: 'kind', width: 100, render: (kind: NearbyKind) => <Tag color={nearbyColours[kind]}>{t(`incidents.nearby.${kind}` as MessageKey)}</Tag> },
          { title: t('incidents.name'), dataIndex: 'name', render: (name: string) => <span data-testid="nearby-name" style={{ whiteSpace: 'nowrap' }}>{name}</span> },
          { title: t('incidents.detail'), key: 'detail', render: (_, row) => <Typography.Text type="secondary" ellipsis={{ tooltip: true }} style={{ maxWidth: 150 }}>{detailText(row)}</Typography.Text> },
          { title: t('incidents.distance'), dataIndex: 'distanceM', align: 'right', width: 90, render: (value: number) => <span data-testid="nearby-distance">{formatDistance(value)}</span> },
        ]}
      />
    </div>
  )
}
