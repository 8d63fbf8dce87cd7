import { parseCalendarDay, parsePhone, parseRoles, planImport, TEMPLATE_EXAMPLE, TEMPLATE_HEADER, type ImportContext } from './people-import'

const context: ImportContext = {
  halls: new Map([
    ['H01', { path: '/R01/B01/H01/', open: true }],
    ['H02', { path: '/R01/B01/H02/', open: true }],
    ['H05', { path: '/R02/B03/H05/', open: true }],
    ['H09', { path: '/R01/B01/H09/', open: false }],
  ]),
  existing: new Map([['e9000', { name: '周敏', hallCode: 'H01' }]]),
  scope: ['/R01/'],
  grantable: ['clerk', 'mentor'],
  today: '2026-11-30',
}

const header = [...TEMPLATE_HEADER]
const row = (line: number, cells: Partial<Record<'username' | 'name' | 'hall' | 'roles' | 'hired' | 'phone', string>>) => ({
  line,
  cells: [cells.username ?? `E${line}`, cells.name ?? '张三', cells.hall ?? 'H01', cells.roles ?? '', cells.hired ?? '2026-03-02', cells.phone ?? ''],
})

describe('planImport: one bad field per row, reported with row, column and reason', () => {
  it.each([
    { case: 'an unknown hall code', cells: { hall: 'H77' }, column: 'hallCode', reason: 'unknown_hall' },
    { case: 'a closed hall', cells: { hall: 'H09' }, column: 'hallCode', reason: 'hall_closed' },
    { case: 'a hall outside the scope', cells: { hall: 'H05' }, column: 'hallCode', reason: 'hall_out_of_scope' },
    { case: 'a day that does not exist', cells: { hired: '2026-02-30' }, column: 'hireDay', reason: 'invalid_date' },
    { case: 'a date in words', cells: { hired: 'last March' }, column: 'hireDay', reason: 'invalid_date' },
    { case: 'a hire date in 2062', cells: { hired: '2062-01-01' }, column: 'hireDay', reason: 'date_out_of_range' },
    { case: 'no hire date', cells: { hired: '' }, column: 'hireDay', reason: 'required' },
    { case: 'no name', cells: { name: '' }, column: 'name', reason: 'required' },
    { case: 'a 33-character name', cells: { name: '张'.repeat(33) }, column: 'name', reason: 'name_too_long' },
    { case: 'a 工号 with a space', cells: { username: 'E 1' }, column: 'username', reason: 'username_format' },
    { case: 'a 工号 used by another person', cells: { username: 'E9000', name: '李四' }, column: 'username', reason: 'username_taken' },
    { case: 'the same 工号 in another hall', cells: { username: 'e9000', name: '周敏', hall: 'H02' }, column: 'username', reason: 'username_taken' },
    { case: 'a role nobody has', cells: { roles: '店长' }, column: 'roles', reason: 'unknown_role' },
    { case: 'a trainer role', cells: { roles: '内训师' }, column: 'roles', reason: 'role_not_allowed' },
    { case: 'a phone number of 5 digits', cells: { phone: '12345' }, column: 'phone', reason: 'invalid_phone' },
  ])('$case → $column: $reason', ({ cells, column, reason }) => {
    const plan = planImport(header, [row(2, {}), row(3, cells)], context)
    expect(plan.problems).toEqual([expect.objectContaining({ line: 3, column, reason })])
    expect(plan.create.map((a) => a.line)).toEqual([2])
  })

  it('a 工号 twice in the file: the second row is refused, naming the first (whatever the case)', () => {
    const plan = planImport(header, [row(2, { username: 'E1' }), row(5, { username: 'e1' })], context)
    expect(plan.problems).toEqual([{ line: 5, column: 'username', reason: 'duplicate_in_file', value: 'e1', otherLine: 2 }])
  })

  it('every problem of a row is reported, not just the first', () => {
    const plan = planImport(header, [row(2, { name: '', hall: 'X', hired: '2026-13-01' })], context)
    expect(plan.problems.map((p) => p.column)).toEqual(['name', 'hallCode', 'hireDay'])
  })

  it('a row describing an account exactly as it is counts as unchanged, not as a problem', () => {
    const plan = planImport(header, [row(2, { username: 'E9000', name: '周敏', hall: 'H01' })], context)
    expect(plan).toEqual({ create: [], unchanged: [{ line: 2, username: 'E9000' }], problems: [] })
  })

  it('plans the accounts of good rows with parsed values', () => {
    const plan = planImport(header, [{ line: 2, cells: TEMPLATE_EXAMPLE }, row(3, { roles: '导师', hired: '2025/7/1', phone: '+86 139-0000-1111' })], context)
    expect(plan.problems).toEqual([])
    expect(plan.create).toEqual([
      { line: 2, username: 'E10001', name: '张晓燕', hallCode: 'H01', roles: ['clerk'], hireDay: '2026-03-02', phone: '13800138000' },
      { line: 3, username: 'E3', name: '张三', hallCode: 'H01', roles: ['clerk', 'mentor'], hireDay: '2025-07-01', phone: '13900001111' },
    ])
  })

  it('finds columns by English names, in any order, and without the optional ones', () => {
    const plan = planImport(['Name', 'Hire date', 'Hall', 'Username *'], [{ line: 2, cells: ['王五', '2026-01-05', 'H02', 'E7'] }], context)
    expect(plan.create).toEqual([{ line: 2, username: 'E7', name: '王五', hallCode: 'H02', roles: ['clerk'], hireDay: '2026-01-05', phone: null }])
  })

  it('a file without the required columns is refused as a whole, naming them', () => {
    const plan = planImport(['工号', '姓名'], [{ line: 2, cells: ['E1', '张三'] }], context)
    expect(plan.problems).toEqual([
      { line: 1, column: 'hallCode', reason: 'missing_column', value: '营业厅编码' },
      { line: 1, column: 'hireDay', reason: 'missing_column', value: '入职日期' },
    ])
    expect(plan.create).toEqual([])
  })
})

describe('parseCalendarDay (strict)', () => {
  it.each([
    ['2026-03-02', '2026-03-02'],
    ['2026/3/2', '2026-03-02'],
    ['2026.03.02', '2026-03-02'],
    ['2026年3月2日', '2026-03-02'],
    ['2024-02-29', '2024-02-29'], // leap day
    ['2000-02-29', '2000-02-29'], // a leap century
    ['1900-02-29', null], // not a leap century
    ['2026-02-29', null],
    ['2026-02-30', null],
    ['2026-04-31', null],
    ['2026-13-01', null],
    ['2026-00-10', null],
    ['26-03-02', null],
    ['2026-03-02T00:00', null],
    ['', null],
  ])('%s → %s', (text, day) => expect(parseCalendarDay(text)).toBe(day))
})

it.each([
  ['营业员', ['clerk']],
  ['', ['clerk']],
  ['导师', ['clerk', 'mentor']],
  ['营业员、导师', ['clerk', 'mentor']],
  ['Clerk, Mentor', ['clerk', 'mentor']],
  ['营业员 店长', 'unknown'],
])('parseRoles(%s) → %s', (text, roles) => expect(parseRoles(text)).toEqual(roles))

it.each([
  ['13800138000', '13800138000'],
  ['+86 138 0013 8000', '13800138000'],
  ['0632-5512345', '06325512345'],
  ['', null],
  ['12800138000', 'invalid'],
  ['138001380', 'invalid'],
])('parsePhone(%s) → %s', (text, phone) => expect(parsePhone(text)).toBe(phone))
