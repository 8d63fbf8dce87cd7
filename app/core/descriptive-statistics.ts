// Owns the plain descriptive statistics (mean, median, sample variance and covariance, moments) over lists of numbers.

/** True when every value equals the first (an empty list counts as constant). */
export function isConstant(values: readonly number[]): boolean {
  return values.every((value) => value === values[0])
}

/** Arithmetic mean; NaN for an empty list. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  // A constant list returns its value exactly, so its deviations are exactly 0 and a zero spread yields
  // null statistics downstream instead of rounding noise such as 1e-33.
  if (isConstant(values)) return values[0]
  let sum = 0
  for (const value of values) sum += value
  return sum / values.length
}

/** Median; the average of the two middle values when the count is even; NaN for an empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** Sample covariance (divides by n − 1); NaN when the lists differ in length or hold fewer than 2 values. */
export function sampleCovariance(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length
  if (n !== ys.length || n < 2) return Number.NaN
  const meanX = mean(xs)
  const meanY = mean(ys)
  let sum = 0
  for (let j = 0; j < n; j++) sum += (xs[j] - meanX) * (ys[j] - meanY)
  return sum / (n - 1)
}

/** Sample variance (divides by n − 1); NaN for fewer than 2 values. */
export function sampleVariance(values: readonly number[]): number {
  return sampleCovariance(values, values)
}

/**
 * The largest covariance two lists of marks allow: the covariance after sorting each list on its own,
 * ascending (Moodle's covmax for discriminative efficiency).
 */
export function maximumCovariance(xs: readonly number[], ys: readonly number[]): number {
  const ascending = (a: number, b: number) => a - b
  return sampleCovariance([...xs].sort(ascending), [...ys].sort(ascending))
}

/** The k-th central moment about the mean, dividing by n: m_k = Σ (x − mean)^k / n. */
export function centralMoment(values: readonly number[], k: number): number {
  if (values.length === 0) return Number.NaN
  const centre = mean(values)
  let sum = 0
  for (const value of values) sum += (value - centre) ** k
  return sum / values.length
}

/** The value itself when it is a finite number, otherwise null: an undefined statistic is never NaN. */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null
}
