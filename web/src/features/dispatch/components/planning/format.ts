/** Small formatting helpers of the planning pages. */
export const minutesOf = (seconds: number) => Math.round(seconds / 6) / 10

/** Distinct colours for shelters / sources (routes of the same shelter share one). */
export const palette = ['#1677ff', '#13a8a8', '#722ed1', '#fa8c16', '#2f54eb', '#52c41a', '#eb2f96', '#a0d911', '#08979c', '#d4b106']
export const colourAt = (i: number) => palette[i % palette.length]!

export const danger = '#cf1322'
