import { describe, expect, it } from 'vitest'
import { ladderTextIssues, levelWords, type StarLevelBlock } from './ladder-text'
import { TEST_LADDER } from './test-ladder'

const names = {
  course: (id: string) => ({ etiquette: '服务礼仪' })[id] ?? id,
  quiz: (id: string) => ({ 'etiquette-quiz': '服务礼仪测验', 'complaints-quiz': '投诉处理测验' })[id] ?? id,
}

// The test ladder's five levels, each written the way a module would word it.
const WRITTEN: Record<string, string> = {
  '1': '学完「服务礼仪」；服务礼仪测验不低于 80 分。由营业厅经理审批。',
  '2': '导师签完岗位实操清单；投诉处理测验不低于85分。由营业厅经理审批。',
  '3': '近6个月没有有责投诉；近6个月明查暗访平均不低于85分。由营业厅经理审批。',
  '4': '近6个月满意度平均不低于4.8分，评价不少于100次；带教1名新员工出师。由分公司经理审批。',
  '5': '评审组不少于3人当面评审。由分公司经理审批。',
}
const blocks = (changes: Record<string, string | null> = {}): StarLevelBlock[] =>
  Object.entries({ ...WRITTEN, ...changes })
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([level, text]) => ({ level, text }))

describe('a module describing the star ladder', () => {
  it('passes when every level states what the ladder asks (spaces between number and unit are allowed)', () => {
    expect(ladderTextIssues(TEST_LADDER, blocks(), names)).toEqual([])
  })

  it('says nothing about modules without <StarLevel> blocks', () => {
    expect(ladderTextIssues(TEST_LADDER, [], names)).toEqual([])
  })

  it.each<{ name: string; changes: Record<string, string | null>; issues: RegExp[] }>([
    { name: 'a threshold the ladder raised (80 → 85 written as 80)', changes: { '2': WRITTEN['2'].replace('85分', '80分') }, issues: [/「85分」/, /数字 80/] },
    { name: 'a requirement left out', changes: { '3': '近6个月明查暗访平均不低于85分。由营业厅经理审批。' }, issues: [/「有责投诉」/] },
    { name: 'a number the ladder does not have', changes: { '5': WRITTEN['5'] + '还要工作满3年，带教2名新员工。' }, issues: [/数字 2，/] },
    { name: 'the wrong approver', changes: { '4': WRITTEN['4'].replace('分公司', '营业厅') }, issues: [/「分公司」/] },
    { name: 'a level not described', changes: { '4': null }, issues: [/缺少 4 星/] },
    { name: 'a level the ladder does not have', changes: { '6': '由分公司经理审批。' }, issues: [/「6」不在/] },
  ])('reports $name', ({ changes, issues }) => {
    const found = ladderTextIssues(TEST_LADDER, blocks(changes), names).map((i) => i.zh)
    expect(found).toHaveLength(issues.length)
    issues.forEach((pattern, i) => expect(found[i]).toMatch(pattern))
  })

  it('reports a level described twice', () => {
    const found = ladderTextIssues(TEST_LADDER, [...blocks(), { level: '2', text: WRITTEN['2'] }], names)
    expect(found.map((i) => [i.block, i.zh])).toEqual([[5, '2 星已经写过一次']])
  })

  it('names each requirement by its title, number and unit, and who approves', () => {
    expect(levelWords(TEST_LADDER.levels[3], names)).toEqual(['满意度', '6个月', '4.8分', '100次', '1名新员工', '分公司'])
  })
})
