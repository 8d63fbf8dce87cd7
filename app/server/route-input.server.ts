// Every route's input shapes (params and forms), validated with zod on the server. They live here, not in the
// route files, so that zod stays out of the browser bundle (a route's top-level code ships to the client).
import { z } from 'zod'
import { calendarDateSchema } from '~/core/calendar-date-schema'
import { Slug } from '~/core/content/course-schema'
import { LANGUAGES } from '~/i18n/catalog'

const Opaque = z.string().regex(/^[A-Za-z0-9-]{1,64}$/)

export const AssignForm = z.object({
  courseId: z.string({ required_error: 'assign.chooseCourse' }).pipe(Slug),
  unitCode: z.string({ required_error: 'assign.chooseUnit' }).regex(/^[A-Za-z0-9-]{1,32}$/, 'assign.unknownUnit'),
  audience: z.enum(['everyone', 'clerk', 'mentor']).default('everyone'),
  newHiresOnly: z.boolean().default(false),
  dueDay: calendarDateSchema({ required: 'assign.dueRequired' }),
  personUsername: z.string().trim().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'assignChanges.unknownPerson').optional(),
  requestKey: z.string().uuid(),
})

/** The list's own actions: move a due day, cancel. */
export const AssignmentChangeForm = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('due'), assignmentId: Opaque, dueDay: calendarDateSchema({ required: 'assignChanges.dueInvalid', format: 'assignChanges.dueInvalid', month: 'calendar.noSuchMonth', day: 'calendar.noSuchDay' }) }),
  z.object({ intent: z.literal('cancel'), assignmentId: Opaque }),
])

export const LanguageForm = z.object({ language: z.enum(LANGUAGES), redirectTo: z.string().optional() })

export const ModulePageParams = z.object({ course: Slug, module: Slug })

export const MarkReadForm = z.object({ intent: z.literal('read'), versionId: z.string().min(1).max(64) })

export const CourseParams = z.object({ course: Slug })

export const SignInForm = z.object({
  username: z.string({ required_error: 'login.usernameRequired' }).trim().min(1, 'login.usernameRequired').max(64),
  password: z.string({ required_error: 'login.passwordRequired' }).min(1, 'login.passwordRequired').max(256),
  redirectTo: z.string().optional(),
})

export const HallParams = z.object({ code: z.string().regex(/^[A-Za-z0-9-]{1,32}$/) })

export const QuizParams = z.object({ quiz: Slug })

export const PersonParams = z.object({ username: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/) })

export const PhraseCheckForm = z.object({ text: z.string().max(500) })

export const AttemptParams = z.object({ quiz: Slug, attempt: Opaque })

export const AttemptIntent = z.discriminatedUnion('intent', [
  // a per-item save names its item; without one, every item in the form is saved (a form posted without script)
  z.object({ intent: z.literal('save'), item: z.string().min(1).max(64).optional() }),
  z.object({ intent: z.literal('submit') }),
  z.object({ intent: z.literal('reply'), itemId: z.string().min(1).max(64), replyId: z.string().min(1).max(64) }),
])

export const SessionsQuery = z.object({ username: z.string().trim().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'security.unknownPerson') })

export const SessionsForm = z.object({
  intent: z.enum(['sign-out-everywhere', 'unlock']),
  username: z.string().trim().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'security.unknownPerson'),
})
export const RemindForm = z.object({ intent: z.literal('remind'), assignmentId: Opaque, requestKey: z.string().uuid() })
/** 催学 for a whole hall, from its page: every overdue learner of each overdue course. */
export const RemindHallForm = z.object({ intent: z.literal('remindOverdue'), requestKey: z.string().uuid() })

export const PersonAttemptParams = z.object({ username: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/), attempt: Opaque })
