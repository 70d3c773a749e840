// The unit tier in two tap processes (shard-1.mjs, shard-2.mjs: one per
// core, tap runs them side by side), not one process per file.
//
// Each test file in a process of its own paid ~3 s of CPU to load tap, the
// TypeScript loader, zod, fastify... before its first test: 120-odd files
// took minutes of loading for less testing. Here a shard imports test files
// one after another, each inside a subtest named after the file, so the
// output still names the file and the test of every failure, the counting
// (scripts/count-tests.mjs) sees the same test cases one level deeper, and a
// file that throws on import fails its subtest, and with it the run.
//
// A file's subtest ends once the file's top-level code (top-level awaits
// included) has finished and its tests have run, so a test file must
// register its tests while it loads, not from a callback that runs later
// (tap then fails the run: "cannot create subtest after parent promise
// resolves").
import { writeFileSync } from 'node:fs'
import { register } from 'node:module'
import { join, resolve } from 'node:path'
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

/**
 * The files shard `shard` (1-based) of `shards` runs, as a function giving
 * the next one (undefined when done). With FACTLEDGER_UNIT_QUEUE set to an
 * empty directory (scripts/test.sh makes one per run), the shards share the
 * list: each takes the next file nobody has taken, by creating a marker for
 * it there (exclusive create: exactly one shard gets it), so a shard that
 * drew the slow files does not leave the other idle. Without it (a shard run
 * by hand), every shards-th file.
 */
export function unitShard(shard, shards) {
  const files = tierFiles('unit')
  const queue = process.env.FACTLEDGER_UNIT_QUEUE
  if (!queue) {
    const mine = files.filter((_, i) => i % shards === shard - 1)
    return { take: () => mine.shift(), count: mine.length }
  }
  let next = 0
  const take = () => {
    for (; next < files.length; next++) {
      try {
        writeFileSync(join(queue, String(next)), '', { flag: 'wx' })
        return files[next++]
      } catch (error) {
        if (error.code !== 'EEXIST') throw error
      }
    }
    return undefined
  }
  return { take, count: files.length }
}

/** Run test files (paths from the repository root) in this process, one subtest each, as `take` hands them out. */
export async function runTestFiles({ take, count }) {
  // tap's --grep matches the top-level tests of each file; here a file is
  // one level down, so a first pattern matching every file keeps it that way.
  if (process.env.TAP_GREP !== undefined) process.env.TAP_GREP = `/^/\n${process.env.TAP_GREP}`
  register('./hooks.mjs', import.meta.url)
  const { default: t } = await import('tap')
  // tap's timeout (.taprc) is per test file: each file's subtest keeps it,
  // and the shard as a whole gets what the files it may run had between them.
  const perFile = Number(process.env.TAP_TIMEOUT ?? 30) * 1000
  t.setTimeout(perFile * count)
  for (let file = take(); file !== undefined; file = take()) {
    const url = pathToFileURL(resolve(root, file)).href
    // Awaited: the next file is taken only when this one is done.
    await t.test(file, { timeout: perFile }, async (fileTest) => {
      testsByFile.set(url, fileTest)
      await import(url)
    })
  }
}
