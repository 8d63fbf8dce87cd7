// How the statistics pages write and draw numbers: fixed decimals, shares as percentages, shares as CSS bars.
// A figure the data leave undefined (null) is shown as a dash, never as 0 or NaN.

export const UNDEFINED_FIGURE = '—'

export function formatNumber(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined || !Number.isFinite(value) ? UNDEFINED_FIGURE : value.toFixed(digits)
}

/** A figure already in percent: 42.857 → "42.86%". */
export function formatPercent(value: number | null | undefined, digits = 2): string {
  const number = formatNumber(value, digits)
  return number === UNDEFINED_FIGURE ? number : `${number}%`
}

/** A share in [0, 1] as a percentage: 0.4286 → "42.9%". */
export function formatShare(share: number | null | undefined, digits = 1): string {
  return formatPercent(share === null || share === undefined ? share : share * 100, digits)
}

/** A share in [0, 1] drawn as a horizontal bar; the number itself is written beside it by the caller. */
export function ShareBar({ share, tone }: { share: number | null; tone?: 'good' | 'bad' }) {
  const width = Math.max(0, Math.min(1, share ?? 0)) * 100
  return (
    <span className={`stats-bar${tone ? ` ${tone}` : ''}`} aria-hidden="true">
      <span style={{ width: `${width}%` }} />
    </span>
  )
}
