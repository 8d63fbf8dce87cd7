// Where the pairing rule gets a mentor's star level. Star certification arrives on its own branch and exports
// currentStarLevels(userIds, now) from certificates.server.ts; until it is wired in, no level is known and the
// rule refuses every mentor with a clear reason (导师需持有三星及以上星级证书) rather than assume one.
export type StarLevelProvider = (userIds: string[], now: Date) => Promise<Map<string, number>>

/** replaced by certificates.server.ts currentStarLevels at merge */
export const defaultStarLevels: StarLevelProvider = async () => new Map()
