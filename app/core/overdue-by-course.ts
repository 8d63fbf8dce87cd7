// The 晨会 pack's overdue people grouped by course. Its own module (not morning-pack.ts): the pack's page renders it
// in the browser too, and morning-pack.ts pulls in the 服务禁语 detector (server only).

/**
 * Who is overdue, by course (the pack's "tasks": each course with the people to finish it), courses with the most
 * people first, people in the pack's order. A hall of 40 all behind on three courses then reads as three lines of
 * names — what fits on the pack's one A4 page — rather than forty lines.
 */
export function overdueByCourse<P extends { username: string; courses: readonly string[] }>(overdue: readonly P[]): Array<{ course: string; people: P[] }> {
  const byCourse = new Map<string, P[]>()
  for (const person of overdue) for (const course of person.courses) byCourse.set(course, [...(byCourse.get(course) ?? []), person])
  return [...byCourse].map(([course, people]) => ({ course, people })).sort((a, b) => b.people.length - a.people.length || a.course.localeCompare(b.course))
}
