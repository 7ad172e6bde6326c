import { Badge } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { DeviceStatus } from '../api/types.ts'
import { deviceStatusHex } from './alarm-colours.ts'

/** 在线 / 离线 / 未上报 as a coloured dot. */
export function DeviceStatusTag({ status }: { status: DeviceStatus }) {
  const { t } = useI18n()
  return <Badge color={deviceStatusHex[status]} text={t(`monitoring.status.${status}`)} data-testid="device-status" />
}
