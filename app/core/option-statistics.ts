// Owns response analysis: option pick rates per item; reply pick rates, common paths and costly turns in dialogues.
// Ties keep first-seen order everywhere (the order items, options, nodes and paths first appear in the input).

/** One attempt's answer to one choice item: the options the clerk picked (empty = left blank). */
export type OptionResponse = { itemId: string; optionIds: string[] }

/** The options an item offers, in display order, so that an option nobody picked still gets a row. */
export type OfferedOptions = { itemId: string; optionIds: string[] }

/** How often one option was picked: picks over the attempts that answered the item. */
export type OptionPickRate = { optionId: string; picks: number; rate: number | null }

/** One item's option pick rates; `responses` counts attempts with an answer to it, `blanks` those left empty. */
export type ItemOptionPickRates = { itemId: string; responses: number; blanks: number; options: OptionPickRate[] }

/** One turn of a dialogue attempt: the reply chosen at a node, its points and the best points that node offers. */
export type DialogueStep = { nodeId: string; replyId: string; points: number; bestPoints: number }

/** One attempt's way through a dialogue scenario, turn by turn in the order it happened. */
export type DialoguePath = DialogueStep[]

/** How often one reply was chosen at its node: picks over visits to that node. */
export type ReplyPickRate = { replyId: string; picks: number; rate: number }

/** The replies chosen at one node; a node visited twice in one attempt counts two visits. */
export type NodeReplyPickRates = { nodeId: string; visits: number; replies: ReplyPickRate[] }

/** A full path (node and reply of every turn), how many attempts took it and their share of all attempts. */
export type PathCount = { steps: { nodeId: string; replyId: string }[]; count: number; share: number }

/** Points lost at one node (bestPoints − points), averaged over its visits. */
export type TurnLoss = { nodeId: string; visits: number; totalPointsLost: number; meanPointsLost: number }

/** Everything the dialogue report shows for one scenario. */
export type DialogueStatistics = {
  replies: NodeReplyPickRates[]
  commonPaths: PathCount[]
  turnLosses: TurnLoss[]
  worstTurn: TurnLoss | null
}

/**
 * Each option's pick rate per item. Items and options come in `offered` order, then in first-seen order for
 * any not offered; an option picked twice in one response counts once. An offered item nobody answered has
 * `responses: 0` and null rates.
 */
export function optionPickRates(
  attempts: readonly (readonly OptionResponse[])[],
  offered: readonly OfferedOptions[] = [],
): ItemOptionPickRates[] {
  const tallies = new Map<string, { responses: number; blanks: number; picks: Map<string, number> }>()
  const tallyFor = (itemId: string) => {
    let tally = tallies.get(itemId)
    if (!tally) tallies.set(itemId, (tally = { responses: 0, blanks: 0, picks: new Map() }))
    return tally
  }
  for (const item of offered) {
    const picks = tallyFor(item.itemId).picks
    for (const optionId of item.optionIds) if (!picks.has(optionId)) picks.set(optionId, 0)
  }
  for (const responses of attempts) {
    for (const response of responses) {
      const tally = tallyFor(response.itemId)
      tally.responses += 1
      if (response.optionIds.length === 0) tally.blanks += 1
      for (const optionId of new Set(response.optionIds)) {
        tally.picks.set(optionId, (tally.picks.get(optionId) ?? 0) + 1)
      }
    }
  }
  return [...tallies].map(([itemId, tally]) => ({
    itemId,
    responses: tally.responses,
    blanks: tally.blanks,
    options: [...tally.picks].map(([optionId, picks]) => ({
      optionId,
      picks,
      rate: tally.responses > 0 ? picks / tally.responses : null,
    })),
  }))
}

/** Each reply's pick rate at its node; nodes and replies in first-seen order. */
export function replyPickRates(paths: readonly DialoguePath[]): NodeReplyPickRates[] {
  const nodes = new Map<string, { visits: number; picks: Map<string, number> }>()
  for (const step of paths.flat()) {
    let node = nodes.get(step.nodeId)
    if (!node) nodes.set(step.nodeId, (node = { visits: 0, picks: new Map() }))
    node.visits += 1
    node.picks.set(step.replyId, (node.picks.get(step.replyId) ?? 0) + 1)
  }
  return [...nodes].map(([nodeId, node]) => ({
    nodeId,
    visits: node.visits,
    replies: [...node.picks].map(([replyId, picks]) => ({ replyId, picks, rate: picks / node.visits })),
  }))
}

/** The `top` most common full paths, most taken first; equal counts keep first-seen order. */
export function commonPaths(paths: readonly DialoguePath[], top: number): PathCount[] {
  const counts = new Map<string, PathCount>()
  for (const path of paths) {
    const steps = path.map(({ nodeId, replyId }) => ({ nodeId, replyId }))
    // JSON of the pairs, not a joined string, so that ids containing a separator cannot collide.
    const key = JSON.stringify(steps.map(({ nodeId, replyId }) => [nodeId, replyId]))
    const entry = counts.get(key)
    if (entry) entry.count += 1
    else counts.set(key, { steps, count: 1, share: 0 })
  }
  // Array.prototype.sort is stable, so equal counts stay in first-seen order.
  return [...counts.values()]
    .sort((a, b) => b.count - a.count)
    .slice(0, Math.max(0, Math.floor(top)))
    .map((entry) => ({ ...entry, share: entry.count / paths.length }))
}

/** Points lost at each node, in first-seen order. */
export function turnLosses(paths: readonly DialoguePath[]): TurnLoss[] {
  const nodes = new Map<string, { visits: number; lost: number }>()
  for (const step of paths.flat()) {
    const node = nodes.get(step.nodeId) ?? { visits: 0, lost: 0 }
    node.visits += 1
    node.lost += step.bestPoints - step.points
    nodes.set(step.nodeId, node)
  }
  return [...nodes].map(([nodeId, node]) => ({
    nodeId,
    visits: node.visits,
    totalPointsLost: node.lost,
    meanPointsLost: node.lost / node.visits,
  }))
}

/**
 * The node where clerks lose most points on average; on a tie the node seen first wins. Null when there
 * are no turns or nobody lost a point anywhere (there is then no costly turn to point at).
 */
export function worstTurn(paths: readonly DialoguePath[]): TurnLoss | null {
  let worst: TurnLoss | null = null
  for (const turn of turnLosses(paths)) {
    if (turn.meanPointsLost > (worst?.meanPointsLost ?? 0)) worst = turn
  }
  return worst
}

/** The whole dialogue report for one scenario's attempts. */
export function dialogueStatistics(paths: readonly DialoguePath[], topPaths = 5): DialogueStatistics {
  return {
    replies: replyPickRates(paths),
    commonPaths: commonPaths(paths, topPaths),
    turnLosses: turnLosses(paths),
    worstTurn: worstTurn(paths),
  }
}
