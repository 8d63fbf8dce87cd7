// Which requirements a list shows: a lower level's requirement that a higher level's requirement of the same
// kind contains (学完《服务礼仪》《服务用语与话术》 beside 学完《服务礼仪》《服务用语与话术》《投诉处理》,
// 测验 ≥ 80 beside ≥ 90) is said once, by the stronger one. Levels are cumulative, so meeting the stronger
// meets the weaker; listing both made a clerk read the same task twice.
import { containsRequirement } from './registry'
import type { RequirementResult } from './requirement-kind'

/** The results without those another result contains; of two equal ones the later (higher level) stays. Order kept. */
export function withoutContained<R extends Pick<RequirementResult, 'source'>>(results: R[]): R[] {
  return results.filter((weaker, i) =>
    !results.some((stronger, j) => j !== i && containsRequirement(stronger.source, weaker.source) && (j > i || !containsRequirement(weaker.source, stronger.source))),
  )
}
