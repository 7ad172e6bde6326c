/** UI text of the incidents feature, in Chinese (the default) and English. */
export const incidentsZh = {
  'incidents.placeholder': '建设中',
} as const

export const incidentsEn: Record<keyof typeof incidentsZh, string> = {
  'incidents.placeholder': 'Coming',
}
