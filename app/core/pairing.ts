// Who may be paired with whom (新员工导师制): the rules a trainer or hall manager meets on the pairing form.
// Pure: the mentor's star level, the counts of active pairings and the limits (content/mentoring.yaml) come in.
import type { MentoringLimits } from './mentoring/limits'
import type { Role } from './roles'

export type PairingField = 'menteeId' | 'mentorId' | 'sameBranchReason'

export type PairingRefusalCode =
  | 'self' // a mentor cannot mentor themselves
  | 'menteeNoHall' // the mentee works in no hall
  | 'menteeTaken' // one active mentor per mentee
  | 'notMentor' // the mentor role is required
  | 'starsUnknown' // no star level on record: refused, never assumed
  | 'starsTooLow'
  | 'mentorFull' // at most N active mentees
  | 'otherBranch' // the mentor works outside the mentee's branch
  | 'branchReasonRequired' // same branch, other hall: only with a written reason
  | 'sameMentor' // a reassignment must change the mentor

export interface PairingRefusal {
  field: PairingField
  code: PairingRefusalCode
}

export interface PairingProposal {
  mentee: { id: string; hallPath: string | null; activePairings: number }
  mentor: { id: string; roles: readonly Role[]; hallPath: string | null; starLevel: number | undefined; activeMentees: number }
  /** Why a mentor from another hall of the same branch; empty or null when none was written. */
  sameBranchReason: string | null
  /** When reassigning: the mentor of the pairing being ended. */
  replacingMentorId?: string
}

/** "/R01/B01/H01/" → "/R01/B01/": the branch a hall belongs to. */
export function branchPathOf(hallPath: string): string {
  return hallPath.replace(/[^/]+\/$/, '')
}

function placeRefusal(p: PairingProposal, limits: MentoringLimits): PairingRefusal | null {
  const { mentee, mentor } = p
  if (!mentee.hallPath || !mentor.hallPath || mentee.hallPath === mentor.hallPath) return null
  const sameBranch = branchPathOf(mentee.hallPath) === branchPathOf(mentor.hallPath)
  if (!sameBranch || !limits.allowSameBranchWithReason) return { field: 'mentorId', code: 'otherBranch' }
  return p.sameBranchReason?.trim() ? null : { field: 'sameBranchReason', code: 'branchReasonRequired' }
}

function mentorRefusal(p: PairingProposal, limits: MentoringLimits): PairingRefusal | null {
  const { mentor } = p
  if (mentor.id === p.mentee.id) return { field: 'mentorId', code: 'self' }
  if (p.replacingMentorId === mentor.id) return { field: 'mentorId', code: 'sameMentor' }
  if (!mentor.roles.includes('mentor')) return { field: 'mentorId', code: 'notMentor' }
  if (mentor.starLevel === undefined) return { field: 'mentorId', code: 'starsUnknown' }
  if (mentor.starLevel < limits.minMentorStars) return { field: 'mentorId', code: 'starsTooLow' }
  if (mentor.activeMentees >= limits.maxActiveMentees) return { field: 'mentorId', code: 'mentorFull' }
  return null
}

/** Every reason this pairing may not be made, one per field at most; empty when it may. */
export function pairingRefusals(p: PairingProposal, limits: MentoringLimits): PairingRefusal[] {
  const refusals: PairingRefusal[] = []
  if (!p.mentee.hallPath) refusals.push({ field: 'menteeId', code: 'menteeNoHall' })
  else if (p.mentee.activePairings > 0) refusals.push({ field: 'menteeId', code: 'menteeTaken' })
  const mentor = mentorRefusal(p, limits)
  if (mentor) refusals.push(mentor)
  const place = mentor ? null : placeRefusal(p, limits)
  if (place) refusals.push(place)
  return refusals
}
