// Dialogue scenarios checked with the 服务禁语 detector: the best-scoring reply of a turn is what the course
// teaches a clerk to say, so it must not be flagged. (Weaker replies may be flagged: that is often their point.)
import { findForbiddenPhrases, type CompiledPhraseList } from '../phrases'
import { say, type Lang, type Problem } from '../quiz/problem'
import type { Scenario } from '../quiz/scenario-graph'

export function scenarioPhraseProblems(scenario: Scenario, phrases: CompiledPhraseList, lang: Lang): Problem[] {
  return scenario.nodes.flatMap((node, nodeIndex) => {
    if (!('replies' in node)) return [] // an end node: the scenario's closing line, not a clerk's reply
    const best = Math.max(...node.replies.map((reply) => reply.points))
    return node.replies.flatMap((reply, replyIndex) => {
      if (reply.points < best) return []
      const [hit] = findForbiddenPhrases(reply.text, phrases)
      if (!hit) return []
      return [{
        path: ['nodes', nodeIndex, 'replies', replyIndex, 'text'],
        message: say(
          lang,
          `这一轮得分最高的回复含服务禁语「${hit.matched}」（${hit.category}），建议说：${hit.suggestion}`,
          `the best reply of this turn contains 服务禁语 "${hit.matched}" (${hit.category}); say instead: ${hit.suggestion}`,
        ),
      }]
    })
  })
}
