/** Fields of the expert pool (专家库). */
export const expertFields = [
  { value: 'hazchem', label: '危化', labelEn: 'hazardous chemicals' },
  { value: 'mining', label: '矿山', labelEn: 'mining' },
  { value: 'flood', label: '防汛', labelEn: 'flood control' },
  { value: 'geology', label: '地质', labelEn: 'geological hazards' },
  { value: 'forest_fire', label: '森林防火', labelEn: 'forest fire' },
  { value: 'medical', label: '医疗', labelEn: 'medical' },
  { value: 'fire', label: '消防', labelEn: 'fire' },
  { value: 'structural', label: '结构', labelEn: 'structural engineering' },
  { value: 'meteorology', label: '气象', labelEn: 'meteorology' },
  { value: 'other', label: '其他', labelEn: 'other' },
] as const
