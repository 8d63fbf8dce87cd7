// The stat grid is one shared component (issue 12): it renders each figure over its label, a link when the figure
// stands for a list; and no page writes the grid's markup by hand beside it.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { StaticRouter } from 'react-router-dom/server'
import { StatGrid } from './stat-grid'

it('renders each figure over its label; a figure with a list behind it is a link to that list', () => {
  const html = renderToStaticMarkup(
    createElement(
      StaticRouter,
      { location: '/manage' },
      createElement(StatGrid, {
        stats: [
          { id: 'learners', value: 12, label: '学员', to: '/manage/people?unit=H01' },
          { id: 'rate', value: '75%', label: '通过率' },
        ],
      }),
    ),
  )
  expect(html).toMatch(/^<div class="stat-grid"><a class="stat"[^>]* href="\/manage\/people\?unit=H01"[^>]*><strong>12<\/strong>学员<\/a><div class="stat"><strong>75%<\/strong>通过率<\/div><\/div>$/)
})

it('no page or component but the stat grid writes its markup by hand', () => {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', 'app'], { encoding: 'utf8' })
    .split('\0')
    .filter((file) => file.endsWith('.tsx') && file !== 'app/ui/stat-grid.tsx')
  const handWritten = files.filter((file) => /className="stat(-grid)?"/.test(readFileSync(file, 'utf8')))
  expect(handWritten).toEqual([])
})
