// How the two engines store what Prisma calls DateTime and Boolean, read back into Date and boolean.
// SQLite (through Prisma's better-sqlite3 adapter): ISO text such as "2026-11-25T02:00:00.000+00:00", and
// 0/1. PostgreSQL: TIMESTAMP(3) read as a Date (kysely.server.ts reads it as UTC), and true/false.
import { sql } from 'kysely'

export type StoredInstant = string | Date
export type StoredFlag = number | boolean

export const instant = (stored: StoredInstant): Date => (stored instanceof Date ? stored : new Date(stored))
export const instantOrNull = (stored: StoredInstant | null): Date | null => (stored === null ? null : instant(stored))
export const flag = (stored: StoredFlag): boolean => stored === true || stored === 1

/** `true` as both engines read it in a condition (SQLite ≥ 3.23 knows TRUE; better-sqlite3 cannot bind a boolean). */
export const TRUE = sql.lit(true)

/**
 * An instant as a query argument compared with a stored DateTime: Prisma's ISO text on SQLite (which compares
 * as text, so it must be written the same way); PostgreSQL reads the same text as a UTC timestamp.
 */
export const storedInstant = (at: Date): string => at.toISOString().replace('Z', '+00:00')
