// The 晨会 pack of a hall (a 20-minute morning meeting: review, tasks, phrase drill, one case): which three 服务禁语
// to drill, which dialogue to walk through with its right path and why, which quiz items to go over, who is behind.
// Pure: the hall's recent item sums and 服务禁语 hits (the quality roll-up, app/core/unit-quality.ts), the phrase
// list, the quiz definitions and the overdue people come in.
import type { CompiledPhraseList } from './phrases'
import { bestPath, isEndNode, nodeById, type Scenario } from './quiz/scenario-graph'
import { facilitiesFromSums, phraseCountsFromHits, type ItemFacility, type ItemSum, type PhraseCount, type PhraseHits } from './unit-quality'

export interface QuizDefinition {
  items: ReadonlyArray<{ id: string; type: string; scenario?: string; prompt?: string }>
  scenarios: ReadonlyMap<string, Scenario>
}

export interface PathStep {
  customer: string
  reply: string
  why: string
}

export interface MorningPack {
  phrases: PhraseCount[]
  dialogue: (ItemFacility & { scenarioId: string; title: { zh: string; en: string }; path: PathStep[]; ending: string | null }) | null
  items: Array<ItemFacility & { prompt: string }>
  overdue: Array<{ username: string; name: string; courses: string[] }>
}

export const PACK_SIZES = { phrases: 3, items: 3 } as const

/** The right path through a dialogue: each customer line, the best reply and its feedback (the why). */
export function rightPath(scenario: Scenario): { path: PathStep[]; ending: string | null } {
  const path: PathStep[] = []
  let node = nodeById(scenario, scenario.start)
  for (const replyId of bestPath(scenario).replyIds) {
    if (!node || isEndNode(node)) break
    const reply = node.replies.find((r) => r.id === replyId)
    if (!reply) break
    path.push({ customer: node.customer, reply: reply.text, why: reply.feedback })
    node = nodeById(scenario, reply.next)
  }
  return { path, ending: node && isEndNode(node) ? node.text : null }
}

export function selectMorningPack(input: {
  items: readonly ItemSum[]
  phraseHits: readonly PhraseHits[]
  phrases: CompiledPhraseList
  definitions: ReadonlyMap<string, QuizDefinition>
  overdue: ReadonlyArray<{ username: string; name: string; courses: string[] }>
}): MorningPack {
  const facilities = facilitiesFromSums(input.items)
  const itemOf = (f: ItemFacility) => input.definitions.get(f.quizId)?.items.find((i) => i.id === f.itemId)
  // the dialogue failed most: the scenario item with the lowest facility whose definition is still known
  const weakestDialogue = facilities.find((f) => f.type === 'scenario' && itemOf(f)?.scenario && input.definitions.get(f.quizId)?.scenarios.has(itemOf(f)!.scenario!))
  let dialogue: MorningPack['dialogue'] = null
  if (weakestDialogue) {
    const scenarioId = itemOf(weakestDialogue)!.scenario!
    const scenario = input.definitions.get(weakestDialogue.quizId)!.scenarios.get(scenarioId)!
    dialogue = { ...weakestDialogue, scenarioId, title: scenario.title, ...rightPath(scenario) }
  }
  const items = facilities
    .filter((f) => f.type !== 'scenario' && f.facility < 100 && itemOf(f))
    .slice(0, PACK_SIZES.items)
    .map((f) => ({ ...f, prompt: itemOf(f)?.prompt ?? f.itemId }))
  return {
    phrases: phraseCountsFromHits(input.phraseHits, input.phrases).slice(0, PACK_SIZES.phrases),
    dialogue,
    items,
    overdue: [...input.overdue].sort((a, b) => b.courses.length - a.courses.length || a.username.localeCompare(b.username)),
  }
}
