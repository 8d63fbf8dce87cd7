// A chart drawn on the server (an SVG string from app/server/charts.server.ts), placed as is: no script runs.
export function Chart({ title, svg }: { title: string; svg: string }) {
  return (
    <figure className="card chart">
      <figcaption className="section-title">{title}</figcaption>
      {/* the SVG is ECharts' own output for figures and names from our database; ECharts escapes the text it draws */}
      <div className="chart-svg" role="img" aria-label={title} dangerouslySetInnerHTML={{ __html: svg }} />
    </figure>
  )
}
