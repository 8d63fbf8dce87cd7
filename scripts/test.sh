#!/usr/bin/env bash
# `npm test`: type check, unit and integration tests (SQLite, then the integration tests on PostgreSQL), the
# build, then the browser journeys.
# Ends with one plain line, `tests: N passed, N failed`, summed over every runner (CI reads it).
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p tmp
rm -f tmp/vitest-*.json

# Debian packages the tests use: chromium (browser journeys), fonts-noto-cjk (Chinese in screenshots),
# poppler-utils (the certificate test renders the PDF and reads its text back).
missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
[ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" = 0 ]; then
  echo "installing Debian packages the tests need: ${missing[*]}"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; } || echo "could not install ${missing[*]}" >&2
fi
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "chromium is missing: installing Debian's package (apt-get install chromium)…"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || {
      echo "could not install chromium; run: apt-get update && apt-get install -y chromium" >&2
      exit 1
    }
  else
    echo "The browser tests need Debian's chromium. Run: sudo apt-get update && sudo apt-get install -y chromium" >&2
    exit 1
  fi
fi

status=0
# the Node the run used, stated in the log (package.json "engines" says which ones are supported)
echo "== node $(node --version)"
echo "== type check"
npx tsc --noEmit || status=1
echo "== unit and integration tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=tmp/vitest-unit.json || status=1
echo "== integration tests on PostgreSQL (a throwaway cluster; Debian's postgresql is installed when missing)"
TEST_DATABASE=postgres npx vitest run tests/integration --reporter=default --reporter=json --outputFile.json=tmp/vitest-postgres.json || status=1
echo "== build"
npm run -s build >tmp/build.log 2>&1 || { cat tmp/build.log; status=1; }
echo "== browser journeys"
npx vitest run -c vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json=tmp/vitest-e2e.json || status=1
# the closing summary states the Node again, just before the last line CI reads
echo "node: $(node --version)"
node scripts/test-summary.js tmp/vitest-unit.json tmp/vitest-postgres.json tmp/vitest-e2e.json || status=1
exit $status
