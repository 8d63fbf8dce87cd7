// The scenario graph editor: its JavaScript from the built manifest (gzip), apart from clerks' pages — the
// module page's scripts (entry, root, route) beside it, to show the canvas chunk is not among them — and the
// CPU time of mapping every content/ scenario to its graph with problems placed (what each page load does).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { gzipSync } from 'node:zlib'
import { parse } from 'yaml'
import { ScenarioSchema } from '~/core/quiz/scenario-graph'
import { problemsOnNodes, scenarioGraph } from '~/core/studio/scenario-graph-view'
import { benchLine, type Bench } from './report.ts'

const BUILD = 'public/build'

function manifest(): { entry: { module: string; imports: string[] }; routes: Record<string, { module: string; imports?: string[] }> } | null {
  if (!existsSync(BUILD)) return null
  const file = readdirSync(BUILD).find((f) => /^manifest-.*\.js$/.test(f))
  if (!file) return null
  const text = readFileSync(`${BUILD}/${file}`, 'utf8')
  return JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1))
}

const gzipped = (url: string) => gzipSync(readFileSync(`public${url}`)).length

const bench: Bench = async (print) => {
  const built = manifest()
  if (built) {
    const scriptsOf = (route: string) => {
      const urls = new Set([built.entry.module, ...built.entry.imports, built.routes.root.module, ...(built.routes.root.imports ?? [])])
      urls.add(built.routes[route].module)
      for (const url of built.routes[route].imports ?? []) urls.add(url)
      return [...urls]
    }
    const sum = (urls: string[]) => urls.reduce((total, url) => total + gzipped(url), 0)
    const clerk = scriptsOf('routes/learn.$course.$module')
    print(benchLine('scenario-graph-clerk-module-page-js (entry, root, route)', Math.round(sum(clerk) / 102.4) / 10, 'KB gzipped', { op: '<=', value: 120 }))
    print(benchLine('scenario-graph-canvas-chunk-in-clerk-page', clerk.filter((u) => u.includes('scenario-flow')).length, 'files', { op: '=', value: 0 }))
    print(benchLine('scenario-graph-editor-route-js', Math.round(sum([built.routes['routes/trainer.studio.scenario'].module]) / 102.4) / 10, 'KB gzipped'))
    const chunk = readdirSync(`${BUILD}/_shared`).find((f) => /^scenario-flow-.*\.js$/.test(f))
    if (chunk) print(benchLine('scenario-graph-canvas-chunk (@xyflow/react, wide screens only)', Math.round(gzipped(`/build/_shared/${chunk}`) / 102.4) / 10, 'KB gzipped'))
  } else print('bench scenario-graph-js: no public/build (run npm run build first)')

  const texts = readdirSync('content/scenarios').filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(`content/scenarios/${f}`, 'utf8'))
  const start = performance.now()
  const rounds = 5
  for (let i = 0; i < rounds; i++) {
    for (const text of texts) scenarioGraph(ScenarioSchema.parse(parse(text)), problemsOnNodes(text, [{ line: 12, message: 'x' }]).byNode)
  }
  const perScenario = (performance.now() - start) / (rounds * texts.length)
  print(benchLine(`scenario-graph-map (${texts.length} scenarios, parse + graph + problems placed)`, Math.round(perScenario * 100) / 100, 'ms per scenario'))
}

export default bench
