import { formatProblem, sortProblems, type ContentProblem } from './problems'

const problem = (over: Partial<ContentProblem>): ContentProblem => ({ file: 'content/a.yaml', line: 3, column: 5, code: 'unknown-quiz', params: { id: 'q9' }, ...over })

describe('formatProblem', () => {
  it.each([
    { language: 'zh-CN' as const, text: 'content/a.yaml:3:5: 引用了不存在的测验「q9」' },
    { language: 'en' as const, text: 'content/a.yaml:3:5: refers to quiz "q9", which does not exist' },
  ])('$language', ({ language, text }) => expect(formatProblem(problem({}), language)).toBe(text))

  it('keeps a placeholder it has no value for visible rather than printing "undefined"', () => {
    expect(formatProblem(problem({ params: {} }))).toContain('{id}')
  })
})

it('sorts by file, then line, then column', () => {
  const sorted = sortProblems([problem({ file: 'b', line: 1 }), problem({ file: 'a', line: 9 }), problem({ file: 'a', line: 2, column: 7 }), problem({ file: 'a', line: 2, column: 1 })])
  expect(sorted.map((p) => `${p.file}:${p.line}:${p.column}`)).toEqual(['a:2:1', 'a:2:7', 'a:9:5', 'b:1:5'])
})
