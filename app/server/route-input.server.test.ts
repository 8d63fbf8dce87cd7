import { parseWithZod } from '@conform-to/zod'
import { AssignForm, AssignmentChangeForm } from './route-input.server'

// Finding 8 of issue 13: impossible due days were accepted, and an invalid month was reported as "in the past".
describe('the assignment form refuses days that do not exist, saying why', () => {
  const form = (dueDay: string) => {
    const data = new FormData()
    data.set('courseId', 'service-etiquette')
    data.set('unitCode', 'H01')
    data.set('dueDay', dueDay)
    data.set('requestKey', '0b6f7c7e-6a43-4a8e-9a51-1d4c1f0e2b7a')
    return parseWithZod(data, { schema: AssignForm })
  }
  it.each([
    { dueDay: '2027-02-30', error: 'calendar.noSuchDay' },
    { dueDay: '2027-04-31', error: 'calendar.noSuchDay' },
    { dueDay: '2027-13-01', error: 'calendar.noSuchMonth' },
    { dueDay: '2027/03/01', error: 'calendar.format' },
    { dueDay: '', error: 'assign.dueRequired' },
  ])('$dueDay → $error', ({ dueDay, error }) => {
    const submission = form(dueDay)
    expect(submission.status).toBe('error')
    expect(submission.status === 'error' ? submission.error?.dueDay : null).toEqual([error])
  })
  it('keeps a real day', () => {
    const submission = form('2028-02-29')
    expect(submission.status === 'success' ? submission.value.dueDay : submission.error).toBe('2028-02-29')
  })
})

describe('moving a due day in the assignment list refuses days that do not exist', () => {
  const form = (dueDay: string) => {
    const data = new FormData()
    data.set('intent', 'due')
    data.set('assignmentId', 'a1')
    data.set('dueDay', dueDay)
    return parseWithZod(data, { schema: AssignmentChangeForm })
  }
  it.each([
    { dueDay: '2027-02-30', error: 'calendar.noSuchDay' },
    { dueDay: '2027-13-01', error: 'calendar.noSuchMonth' },
    { dueDay: '2027/03/01', error: 'assignChanges.dueInvalid' },
  ])('$dueDay → $error', ({ dueDay, error }) => {
    const submission = form(dueDay)
    expect(submission.status === 'error' ? submission.error?.dueDay : submission.status).toEqual([error])
  })
  it('keeps a real day', () => {
    const submission = form('2028-02-29')
    expect(submission.status === 'success' ? submission.value : submission.error).toMatchObject({ dueDay: '2028-02-29' })
  })
})
