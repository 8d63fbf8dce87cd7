// Where the pairing rule gets a mentor's star level: the holder's current certificate (active, expiring or
// renewal due), as star certification reads it. Kept as a provider so tests can pass their own levels.
import { currentStarLevels } from './certificates.server'

export type StarLevelProvider = (userIds: string[], now: Date) => Promise<Map<string, number>>

export const defaultStarLevels: StarLevelProvider = currentStarLevels
