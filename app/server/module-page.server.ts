// One module page: the module's compiled HTML at its current version, where it sits in the course, and
// whether the learner has read it (at this version, or an earlier one).
import { hallDay } from '~/core/dates'
import type { Language } from '~/i18n/catalog'
import { z } from 'zod'
import { courseOpenToLearner } from './course-access.server'
import type { CourseRow } from './course-cache.server'
import { prisma } from './db.server'
import { moduleReadsOf } from './learner-records.server'
import type { SessionUser } from './people.server'
import { notFound } from './responses.server'
import { moveResumePoint } from './resume-point.server'

const IdList = z.array(z.string())
const TextList = z.array(z.string())

/** One module page. Opening it moves the course's resume point here. */
export async function loadModuleForLearner(user: SessionUser, courseId: string, slug: string, now: Date, language: Language = 'zh-CN') {
  const course = await courseOpenToLearner(user, courseId, now)
  const index = course.modules.findIndex((m) => m.slug === slug)
  if (index < 0) notFound('module')
  const [version, allReads] = await Promise.all([
    moduleVersion(course.modules[index].id),
    moduleReadsOf([user.id]),
    moveResumePoint(user.id, courseId, slug, now),
  ])
  const reads = allReads.filter((r) => r.courseId === courseId && r.slug === slug)
  const readNow = reads.find((r) => r.moduleVersionId === version.id)
  const link = (m: CourseRow['modules'][number] | undefined) => (m ? { slug: m.slug, titleZh: m.titleZh, titleEn: m.titleEn } : null)
  return {
    course: { id: course.id, titleZh: course.titleZh, titleEn: course.titleEn },
    module: {
      id: version.id,
      number: version.number,
      titleZh: version.titleZh,
      titleEn: version.titleEn,
      minutes: version.minutes,
      slug,
      objectives: version.objectives,
      quizIds: version.quizIds,
      html: language === 'en' ? version.htmlEn : version.htmlZh,
    },
    position: { index: index + 1, of: course.modules.length },
    previous: link(course.modules[index - 1]),
    next: link(course.modules[index + 1]),
    readDay: readNow ? hallDay(readNow.readAt) : null,
    updatedSinceRead: !readNow && reads.length > 0,
  }
}

type ModuleVersionPage = Awaited<ReturnType<typeof readModuleVersion>>
const moduleCache = new Map<string, Promise<ModuleVersionPage>>()

/** A module version with its compiled HTML: immutable, so read once per process. */
function moduleVersion(id: string): Promise<ModuleVersionPage> {
  let version = moduleCache.get(id)
  if (!version) {
    if (moduleCache.size > 500) moduleCache.clear()
    version = readModuleVersion(id)
    version.catch(() => moduleCache.delete(id))
    moduleCache.set(id, version)
  }
  return version
}

async function readModuleVersion(id: string) {
  const row = await prisma.moduleVersion.findUniqueOrThrow({
    where: { id },
    select: { id: true, number: true, titleZh: true, titleEn: true, minutes: true, objectives: true, quizIds: true, htmlZh: true, htmlEn: true },
  })
  // objectives and quizIds are JSON lists in text columns, written by the importer
  return { ...row, objectives: TextList.parse(JSON.parse(row.objectives)), quizIds: IdList.parse(JSON.parse(row.quizIds)) }
}
