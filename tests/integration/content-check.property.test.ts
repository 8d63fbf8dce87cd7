// Property tests (fast-check): content:check fed malformed YAML, MDX and dialogue graphs never throws, and
// every problem it reports names a file of the tree and a line inside that file.
import fc from 'fast-check'
import { parse, stringify } from 'yaml'
import { checkTree } from '~/server/content/check.server'
import { readContentTree, type ContentFile, type ContentTree } from '~/server/content/tree.server'

const good = readContentTree('tests/fixtures/content/good')
const RUNS = Number(process.env.PROPERTY_RUNS ?? 60)

/** Every file of a tree, by name. */
function filesOf(tree: ContentTree): Map<string, ContentFile> {
  const files = [...tree.courses.flatMap((c) => [...(c.courseYaml ? [c.courseYaml] : []), ...c.modules, ...c.others]), ...tree.quizzes, ...tree.scenarios]
  return new Map(files.map((f) => [f.file, f]))
}

/** The tree with one file's text replaced. */
function withText(tree: ContentTree, file: string, text: string): ContentTree {
  const swap = (f: ContentFile) => (f.file === file ? { ...f, text } : f)
  return {
    ...tree,
    courses: tree.courses.map((c) => ({ ...c, courseYaml: c.courseYaml && swap(c.courseYaml), modules: c.modules.map(swap), others: c.others.map(swap) })),
    quizzes: tree.quizzes.map(swap),
    scenarios: tree.scenarios.map(swap),
  }
}

function expectWellPlaced(tree: ContentTree) {
  let result: ReturnType<typeof checkTree>
  expect(() => (result = checkTree(tree))).not.toThrow()
  const files = filesOf(tree)
  for (const problem of result!.problems) {
    expect(problem.file, JSON.stringify(problem)).toMatch(/\S/)
    expect(Number.isInteger(problem.line) && problem.line >= 1, JSON.stringify(problem)).toBe(true)
    expect(Number.isInteger(problem.column) && problem.column >= 1, JSON.stringify(problem)).toBe(true)
    const file = files.get(problem.file)
    // a problem may name a file that should exist (a missing course.yaml): then line 1
    if (file) expect(problem.line, JSON.stringify(problem)).toBeLessThanOrEqual(file.text.split('\n').length + 1)
    else expect(problem.line).toBe(1)
  }
}

// Fragments that break YAML and MDX in the ways people do: unbalanced brackets and tags, stray colons,
// tabs, fences, braces, half-written front matter, odd Unicode.
const breaking = fc.constantFrom(
  ':', ': :', '- ', '[', ']', '{', '}', '{x}', '"', "'", '\t', '---', '---\n', '<', '>', '</Tip>', '<Tip', '<Tip title="x">', '<tip>',
  '<Case title={1}>', '`', '```', '&', '*', '#', '|', '\\', '\u0000', '\uFEFF', '好', '\n', '\n\n', 'next: nowhere', 'id: n1', '  - ', '? ', '!!binary',
)
const fragment = fc.array(fc.oneof(breaking, fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''))

/** Text with a fragment inserted at some point, or a slice cut out, or cut short. */
function mangled(text: string) {
  return fc.oneof(
    fc.tuple(fc.nat(text.length), fragment).map(([at, insert]) => text.slice(0, at) + insert + text.slice(at)),
    fc.tuple(fc.nat(text.length), fc.nat(40)).map(([at, length]) => text.slice(0, at) + text.slice(at + length)),
    fc.nat(text.length).map((at) => text.slice(0, at)),
  )
}

const allFiles = [...filesOf(good).values()]

it.each(allFiles.map((f) => ({ file: f.file })))('a mangled $file never throws and every problem has a file and a line', ({ file }) => {
  const original = filesOf(good).get(file)!.text
  fc.assert(
    fc.property(mangled(original), (text) => expectWellPlaced(withText(good, file, text))),
    { numRuns: RUNS },
  )
})

describe('dialogue graphs', () => {
  const scenario = good.scenarios[0]
  const source = parse(scenario.text) as { start: string; nodes: Array<{ id: string; replies?: Array<{ id: string; next: unknown }> }> }
  const ids = source.nodes.map((n) => n.id)
  const target = fc.oneof(fc.constantFrom(...ids), fc.constantFrom('nowhere', '', 'n1 ', 'END'), fc.constant(null), fc.integer())

  it('rewired, emptied or cyclic graphs are reported, never thrown', () => {
    fc.assert(
      fc.property(
        fc.array(target, { minLength: 1, maxLength: 8 }),
        fc.option(target),
        fc.subarray(ids),
        (nexts, start, dropped) => {
          const graph = structuredClone(source)
          let i = 0
          for (const node of graph.nodes) for (const reply of node.replies ?? []) reply.next = nexts[i++ % nexts.length]
          if (start !== null) graph.start = start as string
          graph.nodes = graph.nodes.filter((n) => !dropped.includes(n.id))
          expectWellPlaced(withText(good, scenario.file, stringify(graph)))
        },
      ),
      { numRuns: RUNS },
    )
  })
})
