// A moment shown as the halls read it: date and time in Asia/Shanghai, the same on server and browser.
const format = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})

export function hallTime(value: string | Date): string {
  return format.format(typeof value === 'string' ? new Date(value) : value).replace(/\//g, '-')
}

export function TimeText({ value }: { value: string | Date }) {
  const date = typeof value === 'string' ? new Date(value) : value
  return <time className="date" dateTime={date.toISOString()}>{hallTime(date)}</time>
}
