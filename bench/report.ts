// The one line format every benchmark prints: `bench <name>: <value> <unit> (target <op> <value>: met|missed)`.
export type Comparison = '<=' | '>=' | '='

export function benchLine(
  name: string,
  value: number,
  unit: string,
  target?: { op: Comparison; value: number },
): string {
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 3 : 1)
  if (!target) return `bench ${name}: ${shown} ${unit}`
  const met =
    target.op === '<=' ? value <= target.value : target.op === '>=' ? value >= target.value : value === target.value
  return `bench ${name}: ${shown} ${unit} (target ${target.op} ${target.value}: ${met ? 'met' : 'missed'})`
}

/** A benchmark module's default export: prints its figures through `print`. */
export type Bench = (print: (line: string) => void) => Promise<void>
