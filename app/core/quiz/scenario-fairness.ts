// Two things a scenario must not teach by accident (curriculum issue #20, part 2). An ending that contradicts the
// reply leading to it: a reply that earns nothing may not end with a satisfied customer, and a node's best reply
// may not end in a complaint. And dialogues where only one reply is defensible: at least a third of the decision
// nodes offer two replies that both earn points, with different points, so judgement and not recognition scores.
import { say, type Lang, type Problem } from './problem'
import { isEndNode, type Scenario } from './scenario-graph'

/** At least this share of decision nodes offers two defensible replies (both > 0 points, not equal). */
export const MIN_DEFENSIBLE_SHARE = 1 / 3

export function defensibleShare(scenario: Scenario): { counted: number; defensible: number } {
  let counted = 0
  let defensible = 0
  for (const node of scenario.nodes) {
    if (isEndNode(node) || node.replies.length < 2) continue
    counted++
    const points = node.replies.map((r) => r.points).sort((a, b) => b - a)
    if (points[1] > 0 && points[1] < points[0]) defensible++
  }
  return { counted, defensible }
}

export function scenarioFairnessProblems(scenario: Scenario, lang: Lang): Problem[] {
  const problems: Problem[] = []
  const ends = new Map(scenario.nodes.filter(isEndNode).map((n) => [n.id, n]))
  scenario.nodes.forEach((node, n) => {
    if (isEndNode(node)) return
    const best = Math.max(...node.replies.map((r) => r.points))
    node.replies.forEach((reply, r) => {
      const end = ends.get(reply.next)
      if (!end) return
      if (reply.points === 0 && end.end === 'satisfied') {
        problems.push({
          path: ['nodes', n, 'replies', r, 'next'],
          message: say(lang, `0 分的回复直接走到「满意」结局「${end.id}」：结局要与这条路径相符`, `a 0-point reply leads straight to the satisfied ending "${end.id}": the ending must agree with the path`),
        })
      }
      if (reply.points === best && best > 0 && end.end === 'complaint') {
        problems.push({
          path: ['nodes', n, 'replies', r, 'next'],
          message: say(lang, `本节点得分最高的回复直接走到「投诉」结局「${end.id}」：结局要与这条路径相符`, `the best reply of this node leads straight to the complaint ending "${end.id}"`),
        })
      }
    })
  })
  const share = defensibleShare(scenario)
  if (share.counted > 0 && share.defensible / share.counted < MIN_DEFENSIBLE_SHARE) {
    problems.push({
      path: ['nodes'],
      message: say(
        lang,
        `只有 ${share.defensible}/${share.counted} 个节点有两条都能得分、分数不同的回复，少于三分之一：多写营业员真会说、有道理但不够好的回复`,
        `only ${share.defensible}/${share.counted} nodes offer two defensible replies with different points, below a third`,
      ),
    })
  }
  return problems
}
