#!/usr/bin/env bash
# `npm run test:node -- <major> [command...]`: runs the suite on another Node LTS (22, 24, …) without touching the
# Node or the node_modules this checkout uses. It fetches that Node's release tarball from npm (the
# node-linux-<arch> package: bin/node and include/node), copies this checkout (working tree, generated clients and
# node_modules) to a scratch folder, compiles better-sqlite3 for that Node's ABI from source against the unpacked
# headers (its prebuilt binaries come from GitHub, which may be unreachable; node-gyp with --nodedir downloads
# nothing), then runs the command with that Node first in PATH — by default the CI run, `bash scripts/test.sh`.
# Examples:  npm run test:node -- 24                      (everything, as CI: last line `tests: N passed, N failed`)
#            npm run test:node -- 22 npx vitest run        (unit and integration tests on SQLite only)
# Needs python3, make and g++ (Debian: build-essential) for the native addon.
# Scratch folder: $NODE_MATRIX_DIR (default $TMPDIR/ssa-node-matrix); node_modules is copied once per Node version
# and lockfile, the working tree on every run.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"

major="${1:-}"
if ! [[ "$major" =~ ^[0-9]+(\.[0-9]+)*$ ]]; then
  echo "usage: npm run test:node -- <node major, e.g. 22> [command to run, default: bash scripts/test.sh]" >&2
  exit 2
fi
shift
[ $# -gt 0 ] || set -- bash scripts/test.sh

case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "no node-linux package for $(uname -m)" >&2; exit 2 ;;
esac
for tool in python3 make g++; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (Debian: apt-get install -y python3 make g++)" >&2; exit 2; }
done

root="${NODE_MATRIX_DIR:-${TMPDIR:-/tmp}/ssa-node-matrix}"
mkdir -p "$root/downloads"

# 1. That Node, from npm: the newest release of the major (or the exact version given).
tarball="$(cd "$root/downloads" && npm pack --silent "node-linux-$arch@$major" | tail -n 1)"
version="${tarball#node-linux-$arch-}"
version="${version%.tgz}"
nodedir="$root/node-$version"
if [ ! -x "$nodedir/bin/node" ]; then
  rm -rf "$nodedir.partial" && mkdir -p "$nodedir.partial"
  tar -xzf "$root/downloads/$tarball" -C "$nodedir.partial" --strip-components=1
  mv "$nodedir.partial" "$nodedir"
fi
echo "== node $("$nodedir/bin/node" --version) from npm (node-linux-$arch@$version), ABI $("$nodedir/bin/node" -p process.versions.modules)"

# 2. A scratch copy of this checkout: every file git sees plus the generated Prisma/Kysely clients (ignored).
scratch="$root/repo-$version"
mkdir -p "$scratch"
find "$scratch" -mindepth 1 -maxdepth 1 ! -name node_modules -exec rm -rf {} + # .git too: a fresh index below
{ git ls-files -z -co --exclude-standard; printf 'app/generated\0'; } |
  tar --null --ignore-failed-read -T - -cf - 2>/dev/null | tar -xf - -C "$scratch"
# a git index of the same files: tests list the repo's files with `git ls-files` (no history is needed)
(cd "$scratch" && git init -q && git add -A)

# 3. node_modules, copied (never linked: the build below must not write into this checkout's files), with
# better-sqlite3 compiled for that Node. Kept between runs while the installed packages (npm's record of them in
# node_modules/.package-lock.json), the patches and the Node stay the same.
stamp="$version $(cat node_modules/.package-lock.json patches/* | sha256sum | cut -c1-16)"
if [ "$(cat "$scratch/node_modules/.node-matrix-stamp" 2>/dev/null)" != "$stamp" ]; then
  echo "== copying node_modules and compiling better-sqlite3 for node $version (a few minutes)"
  rm -rf "$scratch/node_modules"
  cp -a "$repo/node_modules" "$scratch/node_modules"
  rm -rf "$scratch/node_modules/.vite" "$scratch/node_modules/.cache"
  gyp="$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js"
  [ -f "$gyp" ] || gyp="$(command -v node-gyp)"
  # npm_config_nodedir too: under `npm run` an npmrc's nodedir (e.g. /usr, Debian's Node 20 headers) reaches
  # node-gyp through the environment and wins over --nodedir.
  (cd "$scratch/node_modules/better-sqlite3" &&
    PATH="$nodedir/bin:$PATH" npm_config_nodedir="$nodedir" \
      "$nodedir/bin/node" "$gyp" rebuild --release --nodedir="$nodedir" -j "$(nproc)" >"$root/gyp-$version.log" 2>&1) ||
    { tail -n 40 "$root/gyp-$version.log"; echo "better-sqlite3 did not compile for node $version" >&2; exit 1; }
  echo "$stamp" >"$scratch/node_modules/.node-matrix-stamp"
fi
(cd "$scratch" && "$nodedir/bin/node" -e "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()") ||
  { echo "better-sqlite3 does not load on node $version" >&2; exit 1; }

# 4. The command, with that Node first in PATH (npx, vitest's workers and the e2e server all take it from there).
# npm's own variables would point a child back at the Node that ran `npm run` (or its headers).
cd "$scratch"
unset NODE npm_node_execpath npm_config_node_gyp
export npm_config_nodedir="$nodedir"
echo "== in $scratch: $*"
PATH="$nodedir/bin:$PATH" exec "$@"
