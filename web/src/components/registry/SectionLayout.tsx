import type { ReactNode } from 'react'
import { Menu } from 'antd'
import { useLocation, useNavigate } from 'react-router'
import styles from './SectionLayout.module.css'

export interface SectionEntry {
  /** Absolute path of the page. */
  path: string
  label: string
  icon?: ReactNode
}

/** A module area: its own menu of pages on the left, the page on the right (scrolling). */
export function SectionLayout({ entries, children, testId }: { entries: SectionEntry[]; children: ReactNode; testId?: string }) {
  const navigate = useNavigate()
  const location = useLocation()
  const current = entries.find((entry) => location.pathname === entry.path || location.pathname.startsWith(`${entry.path}/`))
  return (
    <div className={styles.area} data-testid={testId}>
      <Menu
        className={styles.menu}
        mode="inline"
        selectedKeys={current ? [current.path] : []}
        onClick={({ key }) => navigate(key)}
        items={entries.map((entry) => ({ key: entry.path, icon: entry.icon, label: entry.label }))}
      />
      <div className={styles.page}>{children}</div>
    </div>
  )
}
