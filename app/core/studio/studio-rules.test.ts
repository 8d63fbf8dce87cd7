import { draftTextProblem, MAX_DRAFT_CHARACTERS } from './draft-text'
import { courseNamedIn, parseStudioPath } from './studio-path'

describe('parseStudioPath', () => {
  it.each([
    ['courses/etiquette/greeting.mdx', { kind: 'module', courseId: 'etiquette', id: 'greeting' }],
    ['courses/etiquette/course.yaml', { kind: 'course', courseId: 'etiquette', id: 'course' }],
    ['courses/etiquette/images/one-meter-line.svg', { kind: 'image', courseId: 'etiquette', id: 'one-meter-line.svg' }],
    ['quizzes/etiquette-quiz.yaml', { kind: 'quiz', courseId: null, id: 'etiquette-quiz' }],
    ['scenarios/et-long-queue.yaml', { kind: 'scenario', courseId: null, id: 'et-long-queue' }],
    ['courses/../secrets/x.mdx', null],
    ['courses/etiquette/sub/greeting.mdx', null],
    ['/etc/passwd', null],
    ['stars.yaml', null],
    ['courses/Etiquette/greeting.mdx', null],
    ['courses/etiquette/images/photo.jpg', null],
  ])('%s', (path, expected) => {
    const parsed = parseStudioPath(path)
    expect(parsed ? { kind: parsed.kind, courseId: parsed.courseId, id: parsed.id } : null).toEqual(expected)
  })
})

describe('courseNamedIn', () => {
  it.each([
    ['id: q\ncourse: etiquette\n', 'etiquette'],
    ['id: q\ncourse: "complaints"  # the course\n', 'complaints'],
    ['id: q\n  course: nested\n', null],
    ['id: q\n', null],
  ])('%j → %s', (text, expected) => expect(courseNamedIn(text)).toBe(expected))
})

describe('draftTextProblem', () => {
  it.each([
    ['plain Chinese MDX', '---\nid: a\n---\n\n您好，请坐。\t\n', null],
    ['a huge paste', 'x'.repeat(MAX_DRAFT_CHARACTERS + 1), { code: 'too-long', characters: MAX_DRAFT_CHARACTERS + 1, limit: MAX_DRAFT_CHARACTERS }],
    ['exactly the limit', 'x'.repeat(MAX_DRAFT_CHARACTERS), null],
    ['a NUL byte from a binary file', 'PK\u0003\u0004\u0000\u0000', { code: 'binary' }],
    ['replacement characters from undecodable bytes', '\uFFFD\uFFFD', { code: 'binary' }],
  ])('%s', (_, text, expected) => expect(draftTextProblem(text)).toEqual(expected))
})
