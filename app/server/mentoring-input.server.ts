// The mentoring pages' input shapes, validated with zod on the server (kept out of the route files so zod
// stays out of the browser bundle). Note lengths come from the mentoring limits (content/mentoring.yaml).
import { z } from 'zod'
import { calendarDateSchema } from '~/core/calendar-date-schema'
import { Slug } from '~/core/content/course-schema'
import { PAIRING_FILTERS } from '~/core/mentoring/check-ins'

const Id = z.string().regex(/^[A-Za-z0-9-]{1,64}$/)
const Username = z.string({ required_error: 'mentoring.errors.unknownPerson' }).regex(/^[A-Za-z0-9_.-]{1,64}$/, 'mentoring.errors.unknownPerson')
/** A real calendar day (the one parser, app/core/calendar-date.ts): 2027-02-30 is refused at the form already. */
const Day = (required: string) => calendarDateSchema({ required, format: 'mentoring.errors.notADate', month: 'mentoring.errors.notADate', day: 'mentoring.errors.notADate' })

const text = (max: number) => z.string().trim().max(max, 'mentoring.errors.noteTooLong')
const optionalText = (max: number) => text(max).default('')
const requiredText = (max: number, required: string) => z.string({ required_error: required }).trim().min(1, required).max(max, 'mentoring.errors.noteTooLong')

export const PairingParams = z.object({ pairing: Id })
export const PairingListQuery = z.object({ status: z.enum(PAIRING_FILTERS).optional() })

/** The mentor's forms on an item: sign, send back (a reason is required), amend a sign-off. */
export const mentorItemForm = (max: number) =>
  z.discriminatedUnion('intent', [
    z.object({ intent: z.literal('sign'), pairingId: Id, itemId: Slug, note: optionalText(max) }),
    z.object({ intent: z.literal('sendBack'), pairingId: Id, itemId: Slug, note: requiredText(max, 'mentoring.errors.reasonRequired') }),
    z.object({ intent: z.literal('amend'), pairingId: Id, itemId: Slug, note: requiredText(max, 'mentoring.errors.reasonRequired') }),
    z.object({ intent: z.literal('checkIn'), pairingId: Id, number: z.coerce.number().int().min(1).max(60), note: requiredText(max, 'mentoring.errors.noteRequired') }),
  ])

/** The mentee's forms: mark an item practised, write the reflection for the next check-in. */
export const menteeForm = (max: number) =>
  z.discriminatedUnion('intent', [
    z.object({ intent: z.literal('practised'), pairingId: Id, itemId: Slug, note: optionalText(max) }),
    z.object({ intent: z.literal('reflect'), pairingId: Id, number: z.coerce.number().int().min(1).max(60), note: requiredText(max, 'mentoring.errors.noteRequired') }),
  ])

/** A trainer's or manager's forms: pair, extend, reassign. */
export const pairingManagementForm = (max: number) =>
  z.discriminatedUnion('intent', [
    z.object({
      intent: z.literal('create'),
      mentee: Username,
      mentor: Username,
      templateId: z.string({ required_error: 'mentoring.errors.unknownTemplate' }).pipe(Slug),
      startDay: Day('mentoring.errors.notADate'),
      sameBranchReason: optionalText(max),
      requestKey: z.string().uuid(),
    }),
    z.object({ intent: z.literal('extend'), pairingId: Id, endDay: Day('mentoring.errors.notADate'), reason: requiredText(max, 'mentoring.errors.reasonRequired') }),
    z.object({ intent: z.literal('reassign'), pairingId: Id, mentor: Username, reason: requiredText(max, 'mentoring.errors.reasonRequired'), sameBranchReason: optionalText(max), requestKey: z.string().uuid() }),
  ])
