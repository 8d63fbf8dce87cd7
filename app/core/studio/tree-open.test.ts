import { describe, expect, it } from 'vitest'
import { currentCourseId, openCourseIds, type TreeCourseFiles } from './tree-open'

const course = (id: string, drafts: string[] = []): TreeCourseFiles => ({
  id,
  files: [`courses/${id}/course.yaml`, `courses/${id}/intro.mdx`, `quizzes/${id}-quiz.yaml`].map((path) => ({ path, draft: drafts.includes(path) })),
})

describe('the studio tree opens the course the trainer is working on, the others folded', () => {
  it.each<{ name: string; courses: TreeCourseFiles[]; from: string | null; open: string[] }>([
    { name: 'back from a module: its course only', courses: [course('etiquette'), course('complaints', ['courses/complaints/intro.mdx'])], from: 'courses/etiquette/intro.mdx', open: ['etiquette'] },
    { name: 'back from a quiz: the course it belongs to', courses: [course('etiquette'), course('complaints')], from: 'quizzes/complaints-quiz.yaml', open: ['complaints'] },
    { name: 'no file named: the courses with a draft', courses: [course('etiquette'), course('phrasing', ['courses/phrasing/course.yaml']), course('complaints', ['quizzes/complaints-quiz.yaml'])], from: null, open: ['phrasing', 'complaints'] },
    { name: 'a file no course holds (deleted, or typed in): as if none was named', courses: [course('etiquette', ['courses/etiquette/intro.mdx']), course('complaints')], from: 'courses/gone/x.mdx', open: ['etiquette'] },
    { name: 'no drafts, several courses: all folded', courses: [course('etiquette'), course('complaints')], from: null, open: [] },
    { name: 'a single course: open', courses: [course('etiquette')], from: null, open: ['etiquette'] },
    { name: 'no course at all: nothing open', courses: [], from: 'courses/etiquette/intro.mdx', open: [] },
  ])('$name', (c) => expect([...openCourseIds(c.courses, c.from)]).toEqual(c.open))

  it('the current course is the one holding the file, or none', () => {
    expect(currentCourseId([course('etiquette'), course('complaints')], 'quizzes/complaints-quiz.yaml')).toBe('complaints')
    expect(currentCourseId([course('etiquette')], null)).toBeNull()
    expect(currentCourseId([course('etiquette')], 'courses/gone/x.mdx')).toBeNull()
  })
})
