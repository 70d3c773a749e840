// The unit tier in one tap process per shard, not one per file.
//
// Each test file in a process of its own pays ~3 s of CPU to load tap, the
// TypeScript loader, zod, fastify... before its first test: 120-odd files
// took minutes for a few seconds of testing. Here a shard (shard-1.mjs,
// shard-2.mjs: one per core, tap runs them side by side) imports its share
// of the files, each inside a subtest named after the file, so the output
// still names the file and the test of every failure, the counting
// (scripts/count-tests.mjs) sees the same test cases one level deeper, and a
// file that throws on import fails its subtest, and with it the run.
//
// Files run one after another, as tap's default of one process per file
// would run each alone: a file's subtest ends once the file's top-level
// code (top-level awaits included) has finished and its tests have run, so a
// test file must register its tests while it loads, not from a callback
// that runs later.
import { register } from 'node:module'
import { resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { tierFiles } from '../test-files.mjs'

const root = resolve(fileURLToPath(import.meta.url), '../../..')
/** The subtest opened for each test file, by the file's URL. */
const testsByFile = new Map()

/** The subtest a test file's `import t from 'tap'` stands for (tap-for-file.mjs). */
export function testOf(fileUrl) {
  const t = testsByFile.get(fileUrl)
  if (!t) throw new Error(`${fileUrl} imported tap outside the unit tier's subtest for it`)
  return t
}

/** Shard `shard` (1-based) of `shards` of the unit tier: every shards-th file. */
export function unitShard(shard, shards) {
  return tierFiles('unit').filter((_, i) => i % shards === shard - 1)
}

/** Run test files (paths from the repository root) in this process, one subtest each. */
export async function runTestFiles(files) {
  // tap's --grep matches the top-level tests of each file; here a file is
  // one level down, so a first pattern matching every file keeps it that way.
  if (process.env.TAP_GREP !== undefined) process.env.TAP_GREP = `/^/\n${process.env.TAP_GREP}`
  register('./hooks.mjs', import.meta.url)
  const { default: t } = await import('tap')
  // tap's timeout (.taprc) is per test file: each file's subtest keeps it,
  // and the shard as a whole gets what its files had between them.
  const perFile = Number(process.env.TAP_TIMEOUT ?? 30) * 1000
  t.setTimeout(perFile * files.length)
  for (const file of files) {
    const url = pathToFileURL(resolve(root, file)).href
    t.test(file, { timeout: perFile }, async (fileTest) => {
      testsByFile.set(url, fileTest)
      await import(url)
    })
  }
}
