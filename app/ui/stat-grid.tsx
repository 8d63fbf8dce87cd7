// The head figures of a page (admin home, a unit's overview, a quiz's statistics): a big number over what it
// counts. A figure that stands for a list of people or items links to that list. One component, so that every
// page's figures look, wrap at 360 px and print alike.
import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'

export interface Stat {
  /** Names the figure among its neighbours (React's key; the labels may repeat across languages). */
  id: string
  value: ReactNode
  label: ReactNode
  /** The list behind the figure. */
  to?: string
}

export function StatGrid({ stats }: { stats: Stat[] }) {
  return (
    <div className="stat-grid">
      {stats.map((stat) =>
        stat.to ? (
          <Link key={stat.id} className="stat" to={stat.to}>
            <strong>{stat.value}</strong>
            {stat.label}
          </Link>
        ) : (
          <div key={stat.id} className="stat">
            <strong>{stat.value}</strong>
            {stat.label}
          </div>
        ),
      )}
    </div>
  )
}
