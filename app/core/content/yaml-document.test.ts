import { z } from 'zod'
import { parseYaml, positionOf, schemaProblems } from './yaml-document'

const text = ['id: demo', 'nodes:', '  - id: n1', '    next: n2', '  - id: n2', ''].join('\n')

describe('positions in YAML', () => {
  const { source, problems } = parseYaml('f.yaml', text)
  it('parses without problems', () => expect(problems).toEqual([]))
  it.each([
    { path: ['id'], line: 1 },
    { path: ['nodes', 0, 'next'], line: 4 },
    { path: ['nodes', 1, 'id'], line: 5 },
    { path: ['nodes', 1, 'missing'], line: 5 }, // falls back to the nearest node that exists
    { path: ['nowhere', 3], line: 1 },
  ])('$path → line $line', ({ path, line }) => expect(positionOf(source, path).line).toBe(line))

  it('shifts lines for YAML that starts further down a file (frontmatter)', () => {
    const shifted = parseYaml('m.mdx', text, 2).source
    expect(positionOf(shifted, ['nodes', 0, 'next']).line).toBe(5)
  })

  it('reports a syntax error at its line', () => {
    const broken = parseYaml('b.yaml', 'a: [1, 2\nb: 3\n')
    expect(broken.problems[0]).toMatchObject({ file: 'b.yaml', code: 'yaml-syntax' })
    expect(broken.problems[0].line).toBeGreaterThanOrEqual(1)
  })

  it('reports an alias to an anchor not set before it, at the alias, instead of throwing when read', () => {
    const broken = parseYaml('c.yaml', 'title: x\nid: *demo\n')
    expect(broken.problems).toEqual([expect.objectContaining({ file: 'c.yaml', line: 2, code: 'yaml-syntax', params: { reason: 'unresolved alias *demo' } })])
    expect(parseYaml('d.yaml', 'a: &x 1\nb: *x\n').problems).toEqual([])
  })

  it('turns zod issues into problems at their lines, in Chinese by default', () => {
    const schema = z.object({ id: z.number(), nodes: z.array(z.object({ id: z.string(), next: z.number() })) })
    const parsed = schema.safeParse(source.document.toJS())
    expect(parsed.success).toBe(false)
    if (parsed.success) return
    const found = schemaProblems(source, parsed.error)
    expect(found.map((p) => [p.line, p.params.field, p.params.reason])).toEqual([
      [1, 'id', '类型应为 number'],
      [4, 'nodes.0.next', '类型应为 number'],
      [5, 'nodes.1.next', '必填'], // missing: reported at its node
    ])
  })
})
