// The shapes of the people and organisation forms, validated with zod on the server (kept out of route files so
// zod stays out of the browser bundle). Messages are catalogue keys.
import { z } from 'zod'
import { UNIT_CODE_PATTERN } from '~/core/org-changes'
import { USERNAME_PATTERN } from '~/core/people-import'
import { ROLES } from '~/core/roles'

const text = (max: number, required: string) => z.string({ required_error: required }).trim().min(1, required).max(max, 'people.errors.tooLong')
const UnitCode = z.string().regex(UNIT_CODE_PATTERN)

export const NewAccountForm = z.object({
  username: z.string({ required_error: 'people.errors.required' }).trim().regex(USERNAME_PATTERN, 'people.errors.usernameFormat'),
  name: text(32, 'people.errors.required'),
  hallCode: z.string({ required_error: 'people.errors.chooseHall' }).regex(UNIT_CODE_PATTERN, 'people.errors.chooseHall'),
  mentor: z.boolean().default(false),
  hireDay: z.string({ required_error: 'people.errors.required' }).trim().min(1, 'people.errors.required'),
  phone: z.string().trim().max(32).default(''),
})

export const AccountParams = z.object({ username: z.string().regex(USERNAME_PATTERN) })

export const AccountIntent = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('reset') }),
  z.object({ intent: z.literal('unlock') }),
  z.object({ intent: z.literal('deactivate') }),
  z.object({ intent: z.literal('reactivate') }),
  z.object({ intent: z.literal('move'), hallCode: z.string({ required_error: 'people.errors.chooseHall' }).regex(UNIT_CODE_PATTERN, 'people.errors.chooseHall') }),
  z.object({ intent: z.literal('grant'), role: z.enum(ROLES), unitCode: UnitCode.optional() }),
  z.object({ intent: z.literal('remove'), role: z.enum(ROLES), unitCode: UnitCode.optional() }),
])

export const ChangePasswordForm = z
  .object({
    current: z.string({ required_error: 'people.password.currentRequired' }).min(1).max(256),
    next: z.string({ required_error: 'people.password.nextRequired' }).min(1).max(256),
    confirm: z.string({ required_error: 'people.password.confirmRequired' }).min(1).max(256),
  })
  .refine((v) => v.next === v.confirm, { path: ['confirm'], message: 'people.password.mismatch' })

export const ImportForm = z.object({ intent: z.enum(['check', 'import']) })

export const TemplateParams = z.object({ format: z.enum(['csv', 'xlsx']) })

export const NewUnitForm = z.object({
  kind: z.enum(['region', 'branch', 'hall'], { required_error: 'people.org.errors.kind' }),
  code: z.string({ required_error: 'people.errors.required' }).trim().regex(UNIT_CODE_PATTERN, 'people.org.errors.codeFormat'),
  nameZh: text(64, 'people.errors.required'),
  nameEn: text(64, 'people.errors.required'),
  parentCode: UnitCode.optional(),
})

export const UnitParams = z.object({ code: UnitCode })

export const UnitIntent = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('rename'), nameZh: text(64, 'people.errors.required'), nameEn: text(64, 'people.errors.required') }),
  z.object({ intent: z.literal('move'), parentCode: z.string({ required_error: 'people.org.errors.parent' }).regex(UNIT_CODE_PATTERN, 'people.org.errors.parent') }),
  z.object({ intent: z.literal('close') }),
])
