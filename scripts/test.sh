#!/usr/bin/env bash
# The test command. `npm test` (also what CI runs) is `scripts/test.sh all`:
#   1. makes sure Debian's Chromium (browser tests) and docker-compose (checks
#      docker-compose.yml) are there, installing them when running as root, as in CI;
#   2. type-checks and lints the whole tree, checks its import boundaries and
#      builds dist/ (one test case each);
#   3. runs every tap test with coverage (PostgreSQL tests need the server on
#      127.0.0.1:5432);
# and ends with "N passed, N failed" (", N skipped" when some were skipped),
# counting test cases, not assertions (scripts/count-tests.mjs says how).
# `scripts/test.sh unit|int|e2e` runs one tier's tap tests only, without
# coverage (scripts/test-files.mjs says which file is in which tier).
# Further arguments go to tap.
set -uo pipefail
cd "$(dirname "$0")/.."

tier=all
case "${1:-}" in unit | int | e2e | all) tier=$1; shift ;; esac

if [ "$tier" = all ] || [ "$tier" = e2e ] || [ "$tier" = int ]; then
  # Debian packages the tests use: chromium (browser tests) and docker-compose
  # (Compose 1.29 validates docker-compose.yml; no Docker engine is needed for that).
  missing=()
  [ "$tier" = int ] || [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ "$tier" = e2e ] || command -v docker-compose >/dev/null || missing+=(docker-compose)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "installing Debian packages for the tests: ${missing[*]}"
      apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
      echo "warning: missing ${missing[*]}; the browser and compose tests will fail (apt-get install -y ${missing[*]})"
    fi
  fi
fi

passed=0
failed=0
# The static checks, one test case each: a failure names its rule and file above the total.
check() {
  echo "# $1"
  shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
}
if [ "$tier" = all ]; then
  check 'type check (tsc --noEmit)' npx --no-install tsc --noEmit
  check 'lint (eslint)' npx --no-install eslint .
  check 'import boundaries (dependency-cruiser, .dependency-cruiser.cjs)' npm run --silent lint:deps
fi
# Tests that spawn bin/factledger.js run the compiled dist/ (as `npm start`
# does), so it is built (incrementally) from the sources under test first;
# their coverage maps back to the sources through tsc's source maps.
if [ "$tier" = all ]; then
  check 'build (tsc -b tsconfig.build.json: the dist/ that npm start runs)' npm run --silent build
elif [ "$tier" != unit ]; then
  npm run --silent build || { echo 'build failed (npm run build)'; exit 1; }
fi

# Build tap with the plugins .taprc names before the
# first run on a fresh clone; otherwise that first run still loads the default set.
npx --no-install tap build >/dev/null

# count_run FILE STATUS: add the test cases in a run's TAP output to the
# totals. A non-zero exit with no failed test case (coverage below the bar,
# a runner fault) is one failure more, so the total never reads green over a red run.
skipped=0
count_run() {
  local run_failed=()
  [ "$2" -ne 0 ] && run_failed=(--run-failed)
  local counts p f s
  counts=$(node scripts/count-tests.mjs "${run_failed[@]}" <"$1")
  read -r p f s < <(node -e 'const c = JSON.parse(process.argv[1]); console.log(c.passed, c.failed, c.skipped)' "$counts")
  passed=$((passed + p))
  failed=$((failed + f))
  skipped=$((skipped + s))
}
out=$(mktemp)
trap 'rm -f "$out" "$out".*' EXIT

if [ "$tier" = unit ] && [ $# -eq 0 ]; then
  # The unit tier: two plain node processes (one per core) under tsx, each
  # running test files one after another (scripts/unit-tier/run.mjs), not
  # tap's runner with a process per file. Loading tap, the TypeScript loader
  # and the libraries cost more than the tests themselves, and tap's runner
  # adds its own module hooks to every process, which doubled that loading.
  # The tier measures no coverage, so tsx (esbuild) compiles the TypeScript.
  # The two take files from one list (FACTLEDGER_UNIT_QUEUE), so neither
  # idles while the other has work; each file keeps .taprc's timeout.
  FACTLEDGER_UNIT_QUEUE=$(mktemp -d)
  TAP_TIMEOUT=$(sed -n 's/^timeout: *//p' .taprc)
  export FACTLEDGER_UNIT_QUEUE TAP_TIMEOUT
  trap 'rm -rf "$out" "$out".* "$FACTLEDGER_UNIT_QUEUE"' EXIT
  echo "# unit tier: $(node scripts/test-files.mjs unit | wc -l) files in two processes"
  pids=()
  for shard in 1 2; do
    node --import tsx "scripts/unit-tier/shard-$shard.mjs" >"$out.$shard" 2>&1 &
    pids+=($!)
  done
  for shard in 1 2; do
    wait "${pids[$((shard - 1))]}"
    status=$?
    cat "$out.$shard"
    [ "$status" -ne 0 ] && echo "# unit shard $shard exited with status $status"
    count_run "$out.$shard" "$status"
  done
else
  tap_args=()
  if [ "$tier" = unit ]; then
    # With tap's own arguments (--grep, ...), the same two shards under tap's runner.
    tap_args=(--disable-coverage scripts/unit-tier/shard-1.mjs scripts/unit-tier/shard-2.mjs)
  elif [ "$tier" != all ]; then
    mapfile -t files < <(node scripts/test-files.mjs "$tier")
    # Tier runs disable coverage: the bars hold for the whole suite, not for one tier of it.
    tap_args=(--disable-coverage "${files[@]}")
  fi
  npx --no-install tap --reporter=tap "${tap_args[@]}" "$@" 2>&1 | tee "$out"
  tap_status=${PIPESTATUS[0]}
  [ "$tap_status" -ne 0 ] && echo "# tap exited with status $tap_status"
  count_run "$out" "$tap_status"
fi

if [ "$skipped" -gt 0 ]; then
  echo "${passed} passed, ${failed} failed, ${skipped} skipped"
else
  echo "${passed} passed, ${failed} failed"
fi
[ "$failed" -eq 0 ]
