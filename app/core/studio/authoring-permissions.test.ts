import { canAuthorCourse, canLimitAuthors, type Viewer } from '../permissions'

const viewer = (...roles: Array<'clerk' | 'mentor' | 'trainer' | 'manager' | 'admin'>): Viewer => ({
  id: 'u',
  grants: roles.map((role) => ({ role, unitPath: role === 'manager' ? '/R01/' : null })),
  hallPath: null,
  menteeIds: [],
})

describe('canAuthorCourse', () => {
  it.each([
    ['a trainer, no limit', viewer('trainer'), 'etiquette', [], true],
    ['a trainer, no limit, a file naming no course', viewer('trainer'), null, [], true],
    ['a trainer limited to etiquette, etiquette', viewer('trainer'), 'etiquette', ['etiquette'], true],
    ['a trainer limited to etiquette, complaints', viewer('trainer'), 'complaints', ['etiquette'], false],
    ['a limited trainer, a file naming no course', viewer('trainer'), null, ['etiquette'], false],
    ['an admin, whatever the list', viewer('admin'), 'complaints', ['etiquette'], true],
    ['a clerk', viewer('clerk'), 'etiquette', [], false],
    ['a mentor', viewer('clerk', 'mentor'), 'etiquette', [], false],
    ['a manager', viewer('manager'), 'etiquette', [], false],
  ])('%s', (_, who, courseId, limits, expected) => expect(canAuthorCourse(who, courseId, limits)).toBe(expected))

  it.each([
    ['admin', viewer('admin'), true],
    ['trainer', viewer('trainer'), false],
    ['manager', viewer('manager'), false],
  ])('canLimitAuthors: %s', (_, who, expected) => expect(canLimitAuthors(who)).toBe(expected))
})
