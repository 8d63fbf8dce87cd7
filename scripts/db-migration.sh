#!/usr/bin/env bash
# Writes a new migration: the difference between the schema the committed migrations produce
# (kept as prisma/migrations/schema.snapshot.prisma) and prisma/schema.prisma.
# `prisma migrate dev` needs a native engine that cannot be downloaded here, and with a driver adapter
# `migrate diff` cannot read a database, so we diff two schema files instead.
# Usage: npm run db:migration -- <name>
set -euo pipefail
name="${1:?usage: npm run db:migration -- <name>}"
[[ "$name" =~ ^[a-z0-9_]+$ ]] || { echo "migration name: lowercase letters, digits and _ only" >&2; exit 2; }
snapshot=prisma/migrations/schema.snapshot.prisma
if [ -f "$snapshot" ]; then from=(--from-schema-datamodel "$snapshot"); else from=(--from-empty); fi
# Only stdout goes into the file: npm and prisma print notices on stderr.
# The CLI opens the adapter's database even for a file-to-file diff: give it a throwaway one (data/ may not exist).
sql=$(DATABASE_URL="file:$(mktemp -d)/diff.db" npx prisma migrate diff "${from[@]}" --to-schema-datamodel prisma/schema.prisma --script 2>/dev/null)
if ! grep -qE '^(CREATE|ALTER|DROP|INSERT|PRAGMA)' <<<"$sql"; then
  echo "no schema change: nothing written" >&2
  exit 1
fi
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_$name"
mkdir -p "$dir"
printf '%s\n' "$sql" >"$dir/migration.sql"
cp prisma/schema.prisma "$snapshot"
[ -f prisma/migrations/migration_lock.toml ] || printf 'provider = "sqlite"\n' >prisma/migrations/migration_lock.toml
echo "wrote $dir/migration.sql (and updated $snapshot)"
# …and its PostgreSQL twin (prisma/postgres/migrations/<same name>), with the PostgreSQL client regenerated.
npm run -s db:migration:postgres
