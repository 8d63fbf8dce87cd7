// Dates on one line everywhere: the dates inside a translated sentence (Dated); a date alone takes the .date
// class itself (TimeText does). Chromium breaks a narrow line after a date's hyphen (2026-11-\n30).
import { dateRuns } from '~/core/date-runs'

/** A sentence with each date in it kept on one line; the text itself is unchanged. */
export function Dated({ text }: { text: string }) {
  const runs = dateRuns(text)
  if (!runs.some((r) => r.isDate)) return <>{text}</>
  return <>{runs.map((r, i) => (r.isDate ? <span key={i} className="date">{r.text}</span> : r.text))}</>
}
