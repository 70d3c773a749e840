// Print the test files of one tier (unit | int | e2e | all), one a line.
//
// A file's tier follows from what it reaches through its imports (relative
// imports followed transitively), so a new test lands in the right tier
// without anyone editing a list:
//   e2e   reaches playwright-core (drives a real Chromium);
//   int   reaches test/helpers/postgres.ts (a real PostgreSQL) or
//         node:child_process (spawns the CLI, a server, a crashing writer);
//   unit  everything else: in-process, temporary SQLite files at most.
// A line `// test-tier: int` (or e2e) in the test file forces that tier, for
// a test that is slow for other reasons (a server in-process, fsync-heavy).
// test/README.md says the same for people.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const importPattern = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g
const postgresHelper = join(root, 'test/helpers/postgres.ts')

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : testFiles(path)
    return entry.name.endsWith('.test.ts') ? [path] : []
  })
}

/** What a file reaches: absolute paths of local modules, bare names of packages. */
function reach(file, seen = new Set()) {
  if (seen.has(file)) return seen
  seen.add(file)
  const text = readFileSync(file, 'utf8')
  for (const [, specifier] of text.matchAll(importPattern)) {
    if (!specifier.startsWith('.')) {
      seen.add(specifier)
      continue
    }
    const target = resolve(dirname(file), specifier)
    const local = [target.replace(/\.js$/, '.ts'), target, `${target}.ts`].find((p) => existsSync(p) && p.endsWith('.ts'))
    if (local) reach(local, seen)
  }
  return seen
}

export function tierOf(file) {
  const forced = /^\/\/ test-tier: (int|e2e)\b/m.exec(readFileSync(file, 'utf8'))
  if (forced) return forced[1]
  const reached = reach(file)
  if (reached.has('playwright-core')) return 'e2e'
  if (reached.has(postgresHelper) || reached.has('node:child_process') || reached.has('child_process')) return 'int'
  return 'unit'
}

/** The test files of one tier, relative to the repository root, sorted. */
export function tierFiles(tier) {
  if (!['unit', 'int', 'e2e', 'all'].includes(tier)) throw new Error(`test-files: unknown tier "${tier}" (unit, int, e2e or all)`)
  return testFiles(join(root, 'test'))
    .sort()
    .filter((file) => tier === 'all' || tierOf(file) === tier)
    .map((file) => relative(root, file))
}

// Run as a command (scripts/test.sh), print the list; imported (the unit
// tier's runner, scripts/unit-tier/), only export it.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    for (const file of tierFiles(process.argv[2] ?? 'all')) process.stdout.write(`${file}\n`)
  } catch (error) {
    process.stderr.write(`${error.message}\n`)
    process.exit(2)
  }
}
