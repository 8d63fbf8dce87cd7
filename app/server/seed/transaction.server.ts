// Prisma ends an interactive transaction after 5 s by default; seeding a hundred accounts and six months of history
// on a busy machine (or over a network to PostgreSQL) takes longer, and a transaction ended mid-way fails with a
// misleading error (a foreign key "violated" by the rows it had just written).
export const SEED_TRANSACTION = { maxWait: 30_000, timeout: 120_000 }
