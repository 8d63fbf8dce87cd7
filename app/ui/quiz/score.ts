// How points read on a page: "17.5", "17", "1.3" — one decimal only where needed (points are stored to hundredths).
export function formatPoints(points: number): string {
  return String(Math.round(points * 10) / 10)
}

/** A whole percent for the pass line ("43%"), never "42.44%". */
export function formatPercent(percent: number): string {
  return `${Math.round(percent)}%`
}
