// The scenario canvas draws one arrow per reply that leads to a node, from first paint and through every
// re-render (a click on a node): xyflow drops an arrow whose handles it has not measured, so
// the count of drawn edges is compared with the replies counted from the seeded file itself.
import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { parse } from 'yaml'
import { inject } from 'vitest'
import { launch, open, settled, signIn } from './browser'

const FILE = 'scenarios/cp-counter-to-counter.yaml'
type Reply = { id: string; next: string; points: number }
type Node = { id: string; end?: string; replies?: Reply[] }
const scenario = parse(readFileSync(`content/${FILE}`, 'utf8')) as { nodes: Node[] }
const byId = new Map(scenario.nodes.map((n) => [n.id, n]))
const replies = scenario.nodes.flatMap((n) => (n.replies ?? []).map((r) => ({ from: n.id, ...r })))
const withTarget = replies.filter((r) => byId.has(r.next))
const ending = withTarget.filter((r) => byId.get(r.next)!.end !== undefined)

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

const edgeCount = (page: Page) => page.locator('.react-flow__edge').count()
const waitForEdges = (page: Page, count: number) =>
  page.waitForFunction((n) => document.querySelectorAll('.react-flow__edge .react-flow__edge-path').length === n, count)

/** Counts the drawn edges at every change of the canvas from now on; `fewest()` tells the lowest count seen. */
async function watchEdges(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { fewestEdges: number }
    w.fewestEdges = document.querySelectorAll('.react-flow__edge').length
    new MutationObserver(() => {
      w.fewestEdges = Math.min(w.fewestEdges, document.querySelectorAll('.react-flow__edge').length)
    }).observe(document.querySelector('.scenario-canvas')!, { childList: true, subtree: true })
  })
  return { fewest: () => page.evaluate(() => (window as unknown as { fewestEdges: number }).fewestEdges) }
}

it('draws an arrow for every reply with a target, labelled with its id and points, endings set apart', async () => {
  expect(withTarget.length).toBeGreaterThan(10)
  expect(ending.length).toBeGreaterThan(0)
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: inject('baseURL'), locale: 'zh-CN' })
  const page = await context.newPage()
  await signIn(page, 'trainer01')
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
  await open(page, `/trainer/studio/scenario?path=${encodeURIComponent(FILE)}`)
  await page.locator('.react-flow .scenario-box').first().waitFor()
  await waitForEdges(page, withTarget.length)
  expect(await edgeCount(page)).toBe(withTarget.length)
  expect(await page.locator('.react-flow__edge.ends').count()).toBe(ending.length)
  // every reply's arrow has its label; two replies to the same node are two arrows (each from its own handle)
  const labels = await page.locator('.react-flow__edge-text').allTextContents()
  expect(labels.sort()).toEqual(withTarget.map((r) => `${r.id} · ${r.points} 分`).sort())
  const starts = await page.locator('.react-flow__edge-path').evaluateAll((paths) => paths.map((p) => p.getAttribute('d')!.split(/[ ,LC]/).slice(0, 2).join(',')))
  expect(new Set(starts).size).toBe(withTarget.length)

  // choosing a node re-renders the canvas: no arrow may disappear meanwhile
  const watch = await watchEdges(page)
  const second = scenario.nodes.find((n) => n.replies?.length && n.id !== scenario.nodes[0]!.id)!
  await page.locator(`.react-flow .scenario-box[data-node="${second.id}"]`).click()
  await page.waitForURL(new RegExp(`node=${second.id}`))
  await page.getByRole('heading', { name: `节点 ${second.id}`, exact: true }).waitFor()
  await settled(page)
  expect(await watch.fewest()).toBe(withTarget.length)

  // in English (the page is loaded again): the same arrows, labelled in English
  await page.getByRole('button', { name: '切换语言' }).click()
  await page.getByRole('heading', { name: `Node ${second.id}`, exact: true }).waitFor()
  await waitForEdges(page, withTarget.length)
  expect(await page.locator('.react-flow__edge-text', { hasText: / pts$/ }).count()).toBe(withTarget.length)
  await page.locator('.scenario-canvas').screenshot({ path: 'tests/e2e/screenshots/studio-scenario-edges-en.png' })
  await context.close()
})
