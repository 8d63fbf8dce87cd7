// The current courses with their modules, kept in memory. They change only when content is imported or
// published, so the cache is checked against the number of imports (one small read per page): an import by
// another process shows at once.
import { z } from 'zod'
import { prisma } from './db.server'
import { preparedRead } from './kysely.server'

const courseSelect = {
  id: true,
  currentVersion: {
    select: {
      id: true,
      number: true,
      titleZh: true,
      titleEn: true,
      summaryZh: true,
      summaryEn: true,
      audience: true,
      quizIds: true,
      minutes: true,
      modules: {
        orderBy: { position: 'asc' },
        select: { moduleVersion: { select: { id: true, slug: true, titleZh: true, titleEn: true, minutes: true } } },
      },
    },
  },
} as const

// audience and quizIds are JSON lists in a text column, written by the importer.
const IdList = z.array(z.string())

export type CourseRow = Awaited<ReturnType<typeof loadCurrentCourses>>[number]

let cachedCourses: { generation: number; courses: CourseRow[] } | null = null

/** For tests that change course rows behind the importer's back. */
export function forgetCachedCourses(): void {
  cachedCourses = null
}

/** How many content imports there have been: the cache's version. */
export async function contentGeneration(): Promise<number> {
  const [{ n }] = await importCount()
  return Number(n)
}

const importCount = preparedRead((q) =>
  q.selectFrom('ContentImport').select((eb) => eb.fn.countAll<number | string | bigint>().as('n')), // PostgreSQL's count is a bigint, read as text
)

export async function currentCourses(where: { id?: string } = {}): Promise<CourseRow[]> {
  const generation = await contentGeneration()
  if (cachedCourses?.generation !== generation) cachedCourses = { generation, courses: await loadCurrentCourses() }
  return where.id ? cachedCourses.courses.filter((c) => c.id === where.id) : cachedCourses.courses
}

async function loadCurrentCourses() {
  const rows = await prisma.course.findMany({ where: { currentVersionId: { not: null } }, select: courseSelect, orderBy: { id: 'asc' } })
  return rows.flatMap(({ id, currentVersion: version }) =>
    version
      ? [
          {
            ...version,
            versionId: version.id,
            id,
            audience: IdList.parse(JSON.parse(version.audience)),
            quizIds: IdList.parse(JSON.parse(version.quizIds)),
            modules: version.modules.map((m) => m.moduleVersion),
          },
        ]
      : [],
  )
}
