// Checking an account import (and the one-at-a-time form, which is a file of one row): which columns mean what,
// what a valid row is, and the plan — accounts to create, rows already there, and every problem with its row,
// column and reason. Pure: the halls, the existing accounts, the scope and today come in as data.
import { parseCalendarDate } from './calendar-date'
import { isWithin } from './org'
import type { Role } from './roles'

export const ACCOUNT_COLUMNS = ['username', 'name', 'hallCode', 'roles', 'hireDay', 'phone'] as const
export type AccountColumn = (typeof ACCOUNT_COLUMNS)[number]

/** The template's header, and the names each column is recognised by (Chinese first, as in the template). */
export const COLUMN_HEADERS: Record<AccountColumn, readonly string[]> = {
  username: ['工号', 'username', 'employee number', 'employee no'],
  name: ['姓名', 'name'],
  hallCode: ['营业厅编码', '营业厅', 'hall code', 'hall'],
  roles: ['角色', 'roles', 'role'],
  hireDay: ['入职日期', 'hire date', 'hired'],
  phone: ['手机', '手机号', '电话', 'phone', 'mobile'],
}
const OPTIONAL_COLUMNS: readonly AccountColumn[] = ['roles', 'phone']
export const TEMPLATE_HEADER = ACCOUNT_COLUMNS.map((c) => COLUMN_HEADERS[c][0])
export const TEMPLATE_EXAMPLE = ['E10001', '张晓燕', 'H01', '营业员', '2026-03-02', '13800138000']

export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/
export const MAX_NAME_LENGTH = 32
const EARLIEST_HIRE_DAY = '1950-01-01'
const LATEST_HIRE_DAYS_AHEAD = 366

export type ImportReason =
  | 'missing_column'
  | 'required'
  | 'username_format'
  | 'duplicate_in_file'
  | 'username_taken'
  | 'name_too_long'
  | 'unknown_hall'
  | 'hall_closed'
  | 'hall_out_of_scope'
  | 'unknown_role'
  | 'role_not_allowed'
  | 'invalid_date'
  | 'date_out_of_range'
  | 'invalid_phone'

export interface ImportProblem {
  line: number
  column: AccountColumn
  reason: ImportReason
  value: string
  /** For a duplicate: the row the value first appeared on. */
  otherLine?: number
}

export interface PlannedAccount {
  line: number
  username: string
  name: string
  hallCode: string
  roles: Role[]
  hireDay: string
  phone: string | null
}

export interface ImportContext {
  /** Halls by code. */
  halls: ReadonlyMap<string, { path: string; open: boolean }>
  /** Existing accounts by lower-case 工号. */
  existing: ReadonlyMap<string, { name: string; hallCode: string | null }>
  /** Unit paths the importer may place people in ("/" for admins). */
  scope: readonly string[]
  /** Roles the importer may give. */
  grantable: readonly Role[]
  today: string
}

export interface ImportPlan {
  create: PlannedAccount[]
  /** Rows describing an account exactly as it already is: importing the same file twice changes nothing. */
  unchanged: Array<{ line: number; username: string }>
  problems: ImportProblem[]
}

type Row = { line: number; cells: readonly string[] }

export function planImport(header: readonly string[], rows: readonly Row[], context: ImportContext): ImportPlan {
  const columns = locateColumns(header)
  const missing = ACCOUNT_COLUMNS.filter((c) => columns[c] === undefined && !OPTIONAL_COLUMNS.includes(c))
  if (missing.length > 0) {
    return { create: [], unchanged: [], problems: missing.map((column) => ({ line: 1, column, reason: 'missing_column', value: COLUMN_HEADERS[column][0] })) }
  }
  const plan: ImportPlan = { create: [], unchanged: [], problems: [] }
  const firstLineOf = new Map<string, number>()
  for (const row of rows) {
    const values = Object.fromEntries(ACCOUNT_COLUMNS.map((c) => [c, columns[c] === undefined ? '' : (row.cells[columns[c]!] ?? '')])) as Record<AccountColumn, string>
    const checked = checkAccountRow(row.line, values, context)
    const key = values.username.toLowerCase()
    const earlier = firstLineOf.get(key)
    if (values.username && earlier !== undefined) {
      checked.problems.unshift({ line: row.line, column: 'username', reason: 'duplicate_in_file', value: values.username, otherLine: earlier })
    } else if (values.username) firstLineOf.set(key, row.line)
    plan.problems.push(...checked.problems)
    if (checked.problems.length > 0 || !checked.account) continue
    if (checked.unchanged) plan.unchanged.push({ line: row.line, username: checked.account.username })
    else plan.create.push(checked.account)
  }
  return plan
}

/** The 工号 of every row, to look up the accounts that exist already. */
export function usernamesOf(header: readonly string[], rows: readonly Row[]): string[] {
  const column = locateColumns(header).username
  return column === undefined ? [] : rows.map((r) => (r.cells[column] ?? '').trim()).filter(Boolean)
}

function normaliseHeader(text: string): string {
  return text.replace(/[*＊]|[(（]\s*(必填|选填|optional|required)\s*[)）]/gi, '').trim().toLowerCase()
}

function locateColumns(header: readonly string[]): Partial<Record<AccountColumn, number>> {
  const names = header.map(normaliseHeader)
  const found: Partial<Record<AccountColumn, number>> = {}
  for (const column of ACCOUNT_COLUMNS) {
    const index = names.findIndex((n) => COLUMN_HEADERS[column].includes(n))
    if (index >= 0) found[column] = index
  }
  return found
}

/** One account's fields checked: the form and every import row use this. */
export function checkAccountRow(
  line: number,
  values: Record<AccountColumn, string>,
  context: ImportContext,
): { account: PlannedAccount | null; unchanged: boolean; problems: ImportProblem[] } {
  const problems: ImportProblem[] = []
  const problem = (column: AccountColumn, reason: ImportReason) => problems.push({ line, column, reason, value: values[column] })
  const username = values.username.trim()
  const name = values.name.trim()
  if (!username) problem('username', 'required')
  else if (!USERNAME_PATTERN.test(username)) problem('username', 'username_format')
  if (!name) problem('name', 'required')
  else if ([...name].length > MAX_NAME_LENGTH) problem('name', 'name_too_long')
  const hall = context.halls.get(values.hallCode.trim())
  if (!values.hallCode.trim()) problem('hallCode', 'required')
  else if (!hall) problem('hallCode', 'unknown_hall')
  else if (!hall.open) problem('hallCode', 'hall_closed')
  else if (!context.scope.some((s) => isWithin(hall.path, s))) problem('hallCode', 'hall_out_of_scope')
  const roles = parseRoles(values.roles)
  if (roles === 'unknown') problem('roles', 'unknown_role')
  else if (roles.some((r) => !context.grantable.includes(r))) problem('roles', 'role_not_allowed')
  const hireDay = parseCalendarDay(values.hireDay)
  if (!values.hireDay.trim()) problem('hireDay', 'required')
  else if (!hireDay) problem('hireDay', 'invalid_date')
  else if (hireDay < EARLIEST_HIRE_DAY || hireDay > addDays(context.today, LATEST_HIRE_DAYS_AHEAD)) problem('hireDay', 'date_out_of_range')
  const phone = parsePhone(values.phone)
  if (phone === 'invalid') problem('phone', 'invalid_phone')
  const existing = username ? context.existing.get(username.toLowerCase()) : undefined
  const unchanged = existing !== undefined && existing.name === name && existing.hallCode === values.hallCode.trim()
  if (existing && !unchanged) problem('username', 'username_taken')
  if (problems.length > 0 || roles === 'unknown' || !hireDay || phone === 'invalid') return { account: null, unchanged: false, problems }
  return { account: { line, username, name, hallCode: values.hallCode.trim(), roles, hireDay, phone }, unchanged, problems }
}

const ROLE_WORDS: Record<string, Role> = {
  营业员: 'clerk', 柜员: 'clerk', clerk: 'clerk',
  导师: 'mentor', 师傅: 'mentor', mentor: 'mentor',
  内训师: 'trainer', trainer: 'trainer',
  经理: 'manager', manager: 'manager',
  管理员: 'admin', admin: 'admin',
}

/** "营业员、导师" → clerk + mentor; empty → clerk; a mentor is always a clerk too. */
export function parseRoles(text: string): Role[] | 'unknown' {
  const words = text.split(/[、,，;；/|\s]+/).map((w) => w.trim().toLowerCase()).filter(Boolean)
  if (words.length === 0) return ['clerk']
  const roles = words.map((w) => ROLE_WORDS[w])
  if (roles.some((r) => r === undefined)) return 'unknown'
  const set = new Set<Role>(roles)
  if (set.has('mentor')) set.add('clerk')
  return (['clerk', 'mentor', 'trainer', 'manager', 'admin'] as const).filter((r) => set.has(r))
}

/**
 * A calendar day as people type it (2026-03-02, 2026/3/2, 2026.3.2, 2026年3月2日) → "2026-03-02";
 * null for anything else, including days that do not exist (2026-02-30).
 */
export function parseCalendarDay(text: string): string | null {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim())
  if (!match) return null
  // the spreadsheet's spellings (2026/3/2, 2026年3月2日) written as YYYY-MM-DD, then judged by the one parser
  const [year, month, day] = match.slice(1)
  const parsed = parseCalendarDate(`${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`)
  return parsed.ok ? parsed.day : null
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

/** A mainland mobile (11 digits, optional +86) or a landline with area code; spaces and dashes dropped. */
export function parsePhone(text: string): string | null | 'invalid' {
  const digits = text.replace(/[\s-]/g, '')
  if (!digits) return null
  const mobile = /^(?:\+?86)?(1[3-9]\d{9})$/.exec(digits)
  if (mobile) return mobile[1]
  return /^0\d{9,11}$/.test(digits) ? digits : 'invalid'
}
