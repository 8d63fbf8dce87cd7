// Small pieces every page uses: the page heading and a unit's name in the reader's language.
export function PageHeader({ title, lead }: { title: string; lead?: string }) {
  return (
    <header className="page-header">
      <h1>{title}</h1>
      {lead ? <p className="lead">{lead}</p> : null}
    </header>
  )
}

export function unitName(unit: { nameZh: string; nameEn: string }, language: string): string {
  return language === 'en' ? unit.nameEn : unit.nameZh
}
