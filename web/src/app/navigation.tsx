import {
  AimOutlined, AlertOutlined, BankOutlined, BarChartOutlined, CarOutlined, CloudUploadOutlined, DatabaseOutlined,
  FileProtectOutlined, GlobalOutlined, NotificationOutlined, SafetyOutlined, SettingOutlined,
} from '@ant-design/icons'
import type { ReactNode } from 'react'
import type { MessageKey } from '../i18n/messages.ts'

export interface ModuleEntry {
  path: string
  label: MessageKey
  icon: ReactNode
  /** False while the module is 建设中 (coming). */
  ready: boolean
  /** Roles that see the entry; everyone when absent. */
  roles?: readonly string[]
}

/** The platform's modules in menu order: the map, the registries and monitoring are built so far. */
export const modules: readonly ModuleEntry[] = [
  { path: '/map', label: 'nav.map', icon: <GlobalOutlined />, ready: true },
  { path: '/registry', label: 'nav.registry', icon: <BankOutlined />, ready: true },
  { path: '/resources', label: 'nav.resources', icon: <DatabaseOutlined />, ready: true },
  { path: '/monitoring', label: 'nav.monitoring', icon: <AlertOutlined />, ready: true },
  { path: '/warnings', label: 'nav.warnings', icon: <NotificationOutlined />, ready: true },
  { path: '/incidents', label: 'nav.incidents', icon: <AimOutlined />, ready: true },
  { path: '/plans', label: 'nav.plans', icon: <FileProtectOutlined />, ready: true },
  { path: '/dispatch', label: 'nav.dispatch', icon: <CarOutlined />, ready: true },
  { path: '/disasters', label: 'nav.disasters', icon: <CloudUploadOutlined />, ready: false },
  { path: '/supervision', label: 'nav.supervision', icon: <SafetyOutlined />, ready: false },
  { path: '/analytics', label: 'nav.analytics', icon: <BarChartOutlined />, ready: false },
  { path: '/admin', label: 'nav.admin', icon: <SettingOutlined />, ready: false, roles: ['admin'] },
]

export const visibleModules = (role: string) => modules.filter((entry) => !entry.roles || entry.roles.includes(role))
