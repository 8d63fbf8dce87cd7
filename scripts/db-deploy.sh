#!/usr/bin/env bash
# `npm run db:deploy`: applies the migrations to the database DATABASE_URL names. SQLite (file:…) through
# `prisma migrate deploy`; PostgreSQL (postgres://…) through scripts/db-postgres.ts, because Prisma's migrate
# cannot run over the pg driver adapter (prisma/orm#27403).
set -euo pipefail
cd "$(dirname "$0")/.."
case "${DATABASE_URL:-}" in
  postgres://* | postgresql://*) exec npx tsx scripts/db-postgres.ts deploy ;;
  *) exec npx prisma migrate deploy ;;
esac
