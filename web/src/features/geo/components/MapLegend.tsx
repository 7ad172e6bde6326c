import { Card, Typography } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { MessageKey } from '../../../i18n/messages.ts'
import { mapColors } from './map-style.ts'
import styles from './MapLegend.module.css'

type Swatch = { kind: 'area' | 'dashed' | 'line' | 'dot' | 'ring'; color: string; size: number }

const entries: Array<{ label: MessageKey; swatch: Swatch }> = [
  { label: 'legend.boundary', swatch: { kind: 'dashed', color: mapColors.boundaryLine, size: 3 } },
  { label: 'legend.leAnRiver', swatch: { kind: 'line', color: mapColors.mainRiver, size: 5 } },
  { label: 'legend.rivers', swatch: { kind: 'line', color: mapColors.river, size: 2 } },
  { label: 'legend.townships', swatch: { kind: 'dot', color: mapColors.township, size: 12 } },
  { label: 'legend.villages', swatch: { kind: 'dot', color: mapColors.village, size: 7 } },
  { label: 'legend.selected', swatch: { kind: 'ring', color: mapColors.selected, size: 14 } },
]

/** Explains the map layers and that township and village data are synthetic. */
export function MapLegend() {
  const { t } = useI18n()
  return (
    <Card size="small" title={t('legend.title')} className={styles.legend} data-testid="map-legend">
      <ul className={styles.list}>
        {entries.map(({ label, swatch }) => (
          <li key={label}>
            <span className={styles.swatchBox}><SwatchMark {...swatch} /></span>
            {t(label)}
          </li>
        ))}
      </ul>
      <Typography.Text type="warning" className={styles.note}>{t('legend.synthetic')}</Typography.Text>
    </Card>
  )
}

function SwatchMark({ kind, color, size }: Swatch) {
  if (kind === 'dot') return <span style={{ width: size, height: size, borderRadius: '50%', background: color, border: '1.5px solid #fff', boxShadow: '0 0 0 1px #ccc' }} />
  if (kind === 'ring') return <span style={{ width: size, height: size, borderRadius: '50%', border: `3px solid ${color}` }} />
  if (kind === 'dashed') return <span style={{ width: 24, borderTop: `${size}px dashed ${color}` }} />
  return <span style={{ width: 24, height: size, borderRadius: size, background: color }} />
}
