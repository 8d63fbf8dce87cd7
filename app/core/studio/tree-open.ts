// Which courses the studio's tree shows open. Every course open made a ~6 800 px list on a phone; folded,
// the tree is one line per course. Open: the course of the file the trainer came back from (the editor's
// crumb passes it), else the courses with a draft (where work is under way), else a lone course.
export interface TreeCourseFiles {
  id: string
  files: Array<{ path: string; draft: boolean }>
}

export function openCourseIds(courses: TreeCourseFiles[], cameFrom: string | null): Set<string> {
  const current = cameFrom ? courses.find((c) => c.files.some((f) => f.path === cameFrom)) : undefined
  if (current) return new Set([current.id])
  if (courses.length === 1) return new Set([courses[0].id])
  return new Set(courses.filter((c) => c.files.some((f) => f.draft)).map((c) => c.id))
}

/** The course holding the file the trainer came back from, or null. */
export function currentCourseId(courses: TreeCourseFiles[], cameFrom: string | null): string | null {
  return (cameFrom && courses.find((c) => c.files.some((f) => f.path === cameFrom))?.id) || null
}
