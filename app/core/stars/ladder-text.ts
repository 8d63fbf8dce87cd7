// What a module says about a star level must be what content/stars.yaml asks of it. A module writes each
// level's requirements in its own words inside <StarLevel level="N">…</StarLevel>; content:check then asks
// that every requirement of that level is named (its course and quiz titles, its numbers with their units,
// who approves) and that no other number appears there. A trainer who raises a threshold in stars.yaml and
// forgets the module gets a problem at the module's line, so the ladder and its module cannot drift apart.
import type { Ladder, LadderLevel } from './ladder'
import type { Requirement } from './registry'

export interface StarLevelBlock {
  /** The `level` attribute as written. */
  level: string
  /** The block's text, components and Markdown stripped. */
  text: string
}

export interface LadderTextIssue {
  /** The block the issue is about; null when a level has no block at all. */
  block: number | null
  zh: string
  en: string
}

/** Titles for the ids the ladder names (a missing title falls back to the id, which the text then must name). */
export interface LadderNames {
  course(id: string): string
  quiz(id: string): string
}

/** The words (with their numbers and units) a block must contain for one requirement. */
export function requirementWords(requirement: Requirement, names: LadderNames): string[] {
  switch (requirement.kind) {
    case 'courses-completed':
      return requirement.courses.map((id) => names.course(id))
    case 'quiz-score':
      return [names.quiz(requirement.quiz), `${requirement.min}分`]
    case 'checklist-signed-off':
      return ['岗位实操清单']
    case 'inspection-average':
      return ['明查暗访', `${requirement.months}个月`, `${requirement.min}分`]
    case 'satisfaction-average':
      return ['满意度', `${requirement.months}个月`, `${requirement.min}分`, `${requirement.minRatings}次`]
    case 'no-liable-complaint':
      return ['有责投诉', `${requirement.months}个月`]
    case 'mentored-new-hire':
      return [`${requirement.count}名新员工`]
    case 'panel-review':
      return ['评审', `${requirement.members}人`]
    default: {
      // a new kind in the registry must say here how a module names it
      const unhandled: never = requirement
      return [String(unhandled)]
    }
  }
}

const APPROVER_WORDS: Record<LadderLevel['approver'], string> = { hall: '营业厅经理', branch: '分公司' }

/** Every word a level's block must contain: each requirement's, and who approves. */
export function levelWords(level: LadderLevel, names: LadderNames): string[] {
  return [...new Set([...level.requirements.flatMap((r) => requirementWords(r, names)), APPROVER_WORDS[level.approver]])]
}

const NUMBER = /\d+(?:\.\d+)?/g
const compact = (text: string) => text.replace(/\s+/g, '')

function levelNumbers(level: LadderLevel, names: LadderNames): Set<string> {
  return new Set(levelWords(level, names).flatMap((word) => word.match(NUMBER) ?? []))
}

export function ladderTextIssues(ladder: Ladder, blocks: readonly StarLevelBlock[], names: LadderNames): LadderTextIssue[] {
  const issues: LadderTextIssue[] = []
  const seen = new Set<number>()
  blocks.forEach((block, index) => {
    const level = ladder.levels.find((l) => String(l.level) === block.level.trim())
    if (!level) {
      issues.push({ block: index, zh: `星级「${block.level}」不在 stars.yaml 中（可用 1–${ladder.levels.length}）`, en: `level "${block.level}" is not in stars.yaml` })
      return
    }
    if (seen.has(level.level)) {
      issues.push({ block: index, zh: `${level.level} 星已经写过一次`, en: `level ${level.level} is described twice` })
      return
    }
    seen.add(level.level)
    const text = compact(block.text)
    for (const word of levelWords(level, names)) {
      if (!text.includes(word)) {
        issues.push({ block: index, zh: `${level.level} 星的说明没写到 stars.yaml 的要求「${word}」`, en: `level ${level.level}: the text does not state the ladder's "${word}"` })
      }
    }
    const allowed = levelNumbers(level, names)
    for (const number of new Set(text.match(NUMBER) ?? [])) {
      if (!allowed.has(number)) {
        issues.push({
          block: index,
          zh: `${level.level} 星的说明写了数字 ${number}，stars.yaml 的这一星没有这个数：改成现行标准，或删掉`,
          en: `level ${level.level}: the number ${number} is not in the ladder's level ${level.level}`,
        })
      }
    }
  })
  if (blocks.length) {
    for (const level of ladder.levels) {
      if (!seen.has(level.level)) issues.push({ block: null, zh: `缺少 ${level.level} 星的说明（<StarLevel level="${level.level}">）`, en: `level ${level.level} has no <StarLevel> block` })
    }
  }
  return issues
}
