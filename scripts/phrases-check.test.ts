// Runs the phrases:check CLI as a child process: --json lines in input order, the Chinese report, list errors.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

function runCheck(args: string[], input: string) {
  const result = spawnSync('npx', ['tsx', 'scripts/phrases-check.ts', ...args], { input, encoding: 'utf8', cwd: process.cwd() })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

function jsonLines(stdout: string): unknown[] {
  return stdout.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as unknown)
}

describe('phrases:check --json', () => {
  it('prints one JSON object per input line, in order, empty lines included', () => {
    const input = '您不知道服务密码也没关系，我帮您找回\n\n不知道，你去问别人吧。\r\n下班了 明天再来\n'
    const { status, stdout } = runCheck(['--json'], input)
    expect(status).toBe(0)
    const lines = jsonLines(stdout)
    expect(lines).toHaveLength(4)
    expect(lines[0]).toEqual({ text: '您不知道服务密码也没关系，我帮您找回', flagged: false, category: null, hits: [] })
    expect(lines[1]).toEqual({ text: '', flagged: false, category: null, hits: [] })
    expect(lines[2]).toMatchObject({
      text: '不知道，你去问别人吧。',
      flagged: true,
      category: '推诿',
      hits: [
        { phrase: '不知道', matched: '不知道', start: 0, end: 3, id: 'dont-know' },
        { phrase: '找别人去', matched: '问别人吧', start: 6, end: 10, id: 'ask-someone-else' },
      ],
    })
    expect(lines[3]).toMatchObject({ flagged: true, hits: [{ matched: '下班了 明天再来', start: 0, end: 8 }] })
    const [hit] = (lines[2] as { hits: Record<string, unknown>[] }).hits
    expect(Object.keys(hit)).toEqual(expect.arrayContaining(['phrase', 'start', 'end', 'suggestion']))
    expect(hit.suggestion).toMatch(/查询/)
  })

  it('keeps the order and count of many replies and treats a missing final newline alike', () => {
    const replies = Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? `第${i}条：急什么` : `第${i}条：请您稍等`))
    const { status, stdout } = runCheck(['--json'], replies.join('\n'))
    expect(status).toBe(0)
    const lines = jsonLines(stdout) as { text: string; flagged: boolean }[]
    expect(lines.map((line) => line.text)).toEqual(replies)
    expect(lines.map((line) => line.flagged)).toEqual(replies.map((_, i) => i % 3 === 0))
  })

  it('answers bad input in the same shape: long, emoji, traditional, mixed English, both punctuation widths', () => {
    const input = ['', '您好'.repeat(5000), '😀👍🙏', '這不歸我管', 'NOT my job，你问别人去', '不知道,你去问别人吧.', '刚才不是跟您说过了吗？'].join('\n')
    const { status, stdout } = runCheck(['--json'], input)
    expect(status).toBe(0)
    const lines = jsonLines(stdout) as { text: string; flagged: boolean; category: string | null; hits: { category: string; suggestion: string }[] }[]
    expect(lines).toHaveLength(7)
    for (const line of lines) expect(Object.keys(line)).toEqual(['text', 'flagged', 'category', 'hits'])
    expect(lines.map((line) => line.flagged)).toEqual([false, false, false, true, true, true, true])
    expect(lines[3].category).toBe('推诿')
    expect(lines[6]).toMatchObject({ category: '不耐烦', hits: [{ category: '不耐烦' }] })
    expect(lines[6].hits[0].suggestion).not.toBe('')
  })

  it('prints nothing for empty input', () => expect(runCheck(['--json'], '')).toMatchObject({ status: 0, stdout: '' }))
})

describe('phrases:check (report)', () => {
  it('names each flagged line, the words, the canonical phrase and the suggestion, then a summary', () => {
    const { status, stdout } = runCheck([], '您好，请问办理什么业务？\n问别人吧\n')
    expect(status).toBe(0)
    expect(stdout).toContain('第 2 行：问别人吧')
    expect(stdout).toContain('「问别人吧」（禁语：找别人去）')
    expect(stdout).toContain('建议：')
    expect(stdout).not.toContain('第 1 行')
    expect(stdout.trim().split('\n').at(-1)).toBe('共检查 2 条回复，1 条含服务禁语，共 1 处。')
  })

  it('refuses an unknown argument with exit code 2', () => {
    const { status, stderr } = runCheck(['--jsn'], '')
    expect(status).toBe(2)
    expect(stderr).toContain('未知参数: --jsn')
  })

  it('reports a broken list as file:line:column: reason with exit code 2', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'phrases-')), 'forbidden.yaml')
    writeFileSync(file, 'phrases:\n  - id: dont-know\n    phrase: 不知道\n    suggestion: 我帮您查询。\n    category: 粗鲁\n')
    const { status, stderr } = runCheck(['--json', '--list', file], '不知道\n')
    expect(status).toBe(2)
    expect(stderr).toContain(`${file}:5:15: phrases.0.category: Invalid enum value`)
  })

  it('points at a missing field by its entry and at an unknown key by the key', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'phrases-')), 'forbidden.yaml')
    writeFileSync(file, 'phrases:\n  - id: dont-know\n    phrase: 不知道\n    category: 推诿\n    replacement: 您好\n')
    const { stderr } = runCheck(['--list', file], '')
    expect(stderr).toContain(`${file}:2:5: phrases.0.suggestion: Required`)
    expect(stderr).toContain(`${file}:5:5: phrases.0: Unrecognized key(s) in object: 'replacement'`)
  })

  it('reports a YAML syntax error with its position', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'phrases-')), 'forbidden.yaml')
    writeFileSync(file, 'phrases:\n  - id: [dont-know\n')
    const { status, stderr } = runCheck(['--list', file], '')
    expect(status).toBe(2)
    expect(stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `))
  })
})
