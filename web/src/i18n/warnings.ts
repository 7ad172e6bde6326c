/** UI text of the warnings feature, in Chinese (the default) and English. */
export const warningsZh = {
  'warnings.placeholder': '建设中',
} as const

export const warningsEn: Record<keyof typeof warningsZh, string> = {
  'warnings.placeholder': 'Coming',
}
