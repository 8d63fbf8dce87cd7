// Every code the people and organisation pages translate has its message in both languages.
import { AUDIT_ACTIONS } from '~/core/audit'
import { ACCOUNT_COLUMNS } from '~/core/people-import'
import en from './en'
import zhCN from './zh-CN'

const reasons = ['missing_column', 'required', 'username_format', 'duplicate_in_file', 'username_taken', 'name_too_long', 'unknown_hall', 'hall_closed', 'hall_out_of_scope', 'unknown_role', 'role_not_allowed', 'invalid_date', 'date_out_of_range', 'invalid_phone']
const fileErrors = ['too_large', 'not_a_table', 'empty', 'too_many_rows', 'malformed']
const passwordProblems = ['too_short', 'too_long', 'common', 'contains_username', 'repetitive', 'same']

it.each([
  ['zh-CN', zhCN.people],
  ['en', en.people],
])('%s names every audit action, column, import reason, file refusal and password problem', (_language, people) => {
  expect(Object.keys(people.audit.actions).sort()).toEqual(AUDIT_ACTIONS.map((a) => a.replace('.', '_')).sort())
  expect(Object.keys(people.columns).sort()).toEqual([...ACCOUNT_COLUMNS].sort())
  expect(Object.keys(people.import.reasons).sort()).toEqual([...reasons].sort())
  expect(Object.keys(people.import.fileErrors).sort()).toEqual([...fileErrors].sort())
  expect(Object.keys(people.password.problems).sort()).toEqual([...passwordProblems].sort())
})
