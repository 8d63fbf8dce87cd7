// Label–value pairs shown as a definition list: aligned on a phone, no punctuation in the labels.
export function Facts({ items }: { items: Array<[label: string, value: React.ReactNode]> }) {
  return (
    <dl className="facts">
      {items.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
