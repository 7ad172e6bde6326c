/** UI text of the dispatch feature, in Chinese (the default) and English. */
export const dispatchZh = {
  'dispatch.placeholder': '建设中',
  'dispatch.nav.routes': '路径与封路',
  'dispatch.nav.teams': '队伍推荐',
  'dispatch.nav.allocation': '物资调配',
  'dispatch.nav.evacuation': '转移安置',
} as const

export const dispatchEn: Record<keyof typeof dispatchZh, string> = {
  'dispatch.placeholder': 'Coming',
  'dispatch.nav.routes': 'Routes & closures',
  'dispatch.nav.teams': 'Team recommendation',
  'dispatch.nav.allocation': 'Supplies allocation',
  'dispatch.nav.evacuation': 'Evacuation',
}
