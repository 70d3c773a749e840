#!/usr/bin/env bash
# The test command (`npm test`), also what CI runs. It
#   1. makes sure Debian's Chromium (browser tests) and docker-compose (checks
#      docker-compose.yml) are there, installing them when running as root, as in CI;
#   2. type-checks the whole tree;
#   3. runs every tap test (PostgreSQL tests need the server on 127.0.0.1:5432);
# and ends with the plain total "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests use: chromium (browser tests) and docker-compose
# (Compose 1.29 validates docker-compose.yml; no Docker engine is needed for that).
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v docker-compose >/dev/null || missing+=(docker-compose)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing Debian packages for the tests: ${missing[*]}"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "warning: missing ${missing[*]}; the browser and compose tests will fail (apt-get install -y ${missing[*]})"
  fi
fi

typecheck_failed=0
echo "# type check (tsc --noEmit)"
if ! npx --no-install tsc --noEmit; then typecheck_failed=1; fi

# Build tap with the plugins .taprc names (tsx instead of ts-node) before the
# first run on a fresh clone; otherwise that first run still loads the default set.
npx --no-install tap build >/dev/null

out=$(mktemp)
npx --no-install tap --reporter=tap "$@" 2>&1 | tee "$out"
tap_status=${PIPESTATUS[0]}

# tap's closing comment: "# { total: 120, pass: 118, fail: 2, skip: 0 }"
summary=$(grep -E '^# \{ total: [0-9]+' "$out" | tail -n 1)
rm -f "$out"
pass=$(sed -nE 's/.*pass: ([0-9]+).*/\1/p' <<<"$summary")
fail=$(sed -nE 's/.*fail: ([0-9]+).*/\1/p' <<<"$summary")
pass=${pass:-0}
fail=${fail:-0}
if [ "$tap_status" -ne 0 ] && [ "$fail" -eq 0 ]; then
  # A failure tap does not count as an assertion (coverage below the bar, a crashed file).
  echo "tap exited with status $tap_status"
  fail=1
fi
pass=$((pass + 1 - typecheck_failed))
fail=$((fail + typecheck_failed))
echo "${pass} passed, ${fail} failed"
[ "$fail" -eq 0 ]
