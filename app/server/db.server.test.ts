// Which failures checkThenWrite runs again: PostgreSQL's serialization failures and deadlocks in each shape Prisma
// and its pg adapter surface them, never a unique violation or any other error (those carry meaning).
import { isWriteConflict, retryingWriteConflicts } from './db.server'

const adapterError = (cause: object) => Object.assign(new Error('driver'), { name: 'DriverAdapterError', cause })

describe('isWriteConflict', () => {
  it.each([
    ['Prisma P2034', { code: 'P2034' }, true],
    ['adapter error in an interactive transaction', adapterError({ kind: 'TransactionWriteConflict', originalCode: '40001' }), true],
    ['deadlock (not named by the adapter)', adapterError({ kind: 'postgres', originalCode: '40P01' }), true],
    ['deadlock wrapped by Prisma', { code: 'P2010', meta: { driverAdapterError: { cause: { originalCode: '40P01' } } } }, true],
    ['unique violation', { code: 'P2002' }, false],
    ['other postgres error', adapterError({ kind: 'postgres', originalCode: '23503' }), false],
    ['a thrown Response', new Response(null, { status: 404 }), false],
    ['null', null, false],
  ])('%s', (_name, error, expected) => {
    expect(isWriteConflict(error)).toBe(expected)
  })
})

describe('retryingWriteConflicts', () => {
  it('runs the transaction again after conflicts and returns its result', async () => {
    let runs = 0
    const result = await retryingWriteConflicts(async () => {
      runs++
      if (runs < 4) throw { code: 'P2034' }
      return 'done'
    })
    expect([result, runs]).toEqual(['done', 4])
  })

  it('does not run it again after any other error', async () => {
    let runs = 0
    await expect(
      retryingWriteConflicts(async () => {
        runs++
        throw { code: 'P2002' }
      }),
    ).rejects.toEqual({ code: 'P2002' })
    expect(runs).toBe(1)
  })

  it('gives up once its time budget is spent', async () => {
    let runs = 0
    await expect(
      retryingWriteConflicts(async () => {
        runs++
        throw { code: 'P2034' }
      }, 30),
    ).rejects.toEqual({ code: 'P2034' })
    expect(runs).toBeGreaterThan(1)
  })
})
