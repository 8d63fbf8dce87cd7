import { DEFAULT_MENTORING_LIMITS } from './mentoring/limits'
import { branchPathOf, pairingRefusals, type PairingProposal } from './pairing'
import type { Role } from './roles'

const H01 = '/R01/B01/H01/'
const H02 = '/R01/B01/H02/' // same branch as H01
const H03 = '/R01/B02/H03/' // another branch
const MENTOR: Role[] = ['clerk', 'mentor']

function proposal(over: {
  menteeHall?: string | null
  mentorHall?: string | null
  stars?: number | undefined
  roles?: Role[]
  active?: number
  menteeActive?: number
  reason?: string | null
  mentorId?: string
  replacing?: string
}): PairingProposal {
  return {
    mentee: { id: 'clerk06', hallPath: over.menteeHall === undefined ? H01 : over.menteeHall, activePairings: over.menteeActive ?? 0 },
    mentor: {
      id: over.mentorId ?? 'mentor01',
      roles: over.roles ?? MENTOR,
      hallPath: over.mentorHall === undefined ? H01 : over.mentorHall,
      starLevel: 'stars' in over ? over.stars : 3,
      activeMentees: over.active ?? 0,
    },
    sameBranchReason: over.reason ?? null,
    replacingMentorId: over.replacing,
  }
}

describe('pairingRefusals (default limits: ★★★, 2 active mentees, same hall or same branch with a reason)', () => {
  it.each([
    { case: 'a ★★★ mentor of the same hall with no mentee yet', p: proposal({}), refusals: [] },
    { case: 'a ★★★★★ mentor with one mentee already', p: proposal({ stars: 5, active: 1 }), refusals: [] },
    { case: 'a mentor already holding 2 mentees', p: proposal({ active: 2 }), refusals: [{ field: 'mentorId', code: 'mentorFull' }] },
    { case: 'a ★★ mentor', p: proposal({ stars: 2 }), refusals: [{ field: 'mentorId', code: 'starsTooLow' }] },
    { case: 'a mentor whose star level is unknown', p: proposal({ stars: undefined }), refusals: [{ field: 'mentorId', code: 'starsUnknown' }] },
    { case: 'a clerk without the mentor role', p: proposal({ roles: ['clerk'] }), refusals: [{ field: 'mentorId', code: 'notMentor' }] },
    { case: 'pairing someone with themselves', p: proposal({ mentorId: 'clerk06' }), refusals: [{ field: 'mentorId', code: 'self' }] },
    { case: 'a mentee who already has an active mentor', p: proposal({ menteeActive: 1 }), refusals: [{ field: 'menteeId', code: 'menteeTaken' }] },
    { case: 'a mentee in no hall', p: proposal({ menteeHall: null }), refusals: [{ field: 'menteeId', code: 'menteeNoHall' }] },
    { case: 'another hall of the same branch without a reason', p: proposal({ mentorHall: H02 }), refusals: [{ field: 'sameBranchReason', code: 'branchReasonRequired' }] },
    { case: 'another hall of the same branch with only spaces as the reason', p: proposal({ mentorHall: H02, reason: '   ' }), refusals: [{ field: 'sameBranchReason', code: 'branchReasonRequired' }] },
    { case: 'another hall of the same branch with a written reason', p: proposal({ mentorHall: H02, reason: '本厅导师均已满额' }), refusals: [] },
    { case: 'a mentor in another branch, even with a reason', p: proposal({ mentorHall: H03, reason: '临时支援' }), refusals: [{ field: 'mentorId', code: 'otherBranch' }] },
    { case: 'reassigning to the same mentor', p: proposal({ replacing: 'mentor01' }), refusals: [{ field: 'mentorId', code: 'sameMentor' }] },
    {
      case: 'a taken mentee and a full mentor: both fields explained',
      p: proposal({ menteeActive: 1, active: 2 }),
      refusals: [
        { field: 'menteeId', code: 'menteeTaken' },
        { field: 'mentorId', code: 'mentorFull' },
      ],
    },
  ])('$case', ({ p, refusals }) => expect(pairingRefusals(p, DEFAULT_MENTORING_LIMITS)).toEqual(refusals))

  it.each([
    { case: 'a ★ mentor when the limit is lowered to ★', limits: { minMentorStars: 1 }, p: proposal({ stars: 1 }), refusals: [] },
    { case: 'a third mentee when the limit is 3', limits: { maxActiveMentees: 3 }, p: proposal({ active: 2 }), refusals: [] },
    { case: 'the same branch when branch pairing is switched off', limits: { allowSameBranchWithReason: false }, p: proposal({ mentorHall: H02, reason: '满额' }), refusals: [{ field: 'mentorId', code: 'otherBranch' }] },
  ])('limits are data: $case', ({ limits, p, refusals }) => expect(pairingRefusals(p, { ...DEFAULT_MENTORING_LIMITS, ...limits })).toEqual(refusals))
})

it.each([
  { hall: '/R01/B01/H01/', branch: '/R01/B01/' },
  { hall: '/R02/B04/H08/', branch: '/R02/B04/' },
])('the branch of $hall is $branch', ({ hall, branch }) => expect(branchPathOf(hall)).toBe(branch))
