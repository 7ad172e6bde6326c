/** UI text of the plans feature, in Chinese (the default) and English. */
export const plansZh = {
  'plans.placeholder': '建设中',
} as const

export const plansEn: Record<keyof typeof plansZh, string> = {
  'plans.placeholder': 'Coming',
}
