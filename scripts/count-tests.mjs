// Count test cases, not assertions, in tap's TAP output (stdin), and print
// "N passed, N failed[, N skipped]".
//
// A test case is a t.test block that holds no t.test of its own (a leaf). A
// block with subtests counts as its leaves, plus one failure when it failed
// while all its leaves passed (an assertion of its own, a throw, a timeout).
// A test file is the outermost block, so a file that crashes before or
// between its tests is a failure too. One fast-check property is one case,
// however many runs it makes. A skipped t.test is one skipped case.
import { Parser } from 'tap-parser'

/** Pair each test point in a parser with the subtest whose body preceded it. */
function track(parser) {
  const node = { subtests: [] }
  let pending = null
  parser.on('child', (child) => {
    pending = track(child)
  })
  parser.on('assert', (result) => {
    // A skipped t.test prints a test point with a SKIP directive and no body.
    if (pending || result.skip || result.todo) node.subtests.push({ result, body: pending ?? { subtests: [] } })
    pending = null
  })
  return node
}

function count(node) {
  const total = { passed: 0, failed: 0, skipped: 0 }
  for (const { result, body } of node.subtests) {
    if (result.skip || result.todo) {
      total.skipped += 1
      continue
    }
    if (body.subtests.length === 0) {
      if (result.ok) total.passed += 1
      else total.failed += 1
      continue
    }
    const inner = count(body)
    total.passed += inner.passed
    total.skipped += inner.skipped
    total.failed += inner.failed
    if (!result.ok && inner.failed === 0) total.failed += 1
  }
  return total
}

const parser = new Parser()
const root = track(parser)
parser.on('complete', () => {
  const { passed, failed, skipped } = count(root)
  const failedRun = process.argv.includes('--run-failed') && failed === 0 ? 1 : 0
  process.stdout.write(JSON.stringify({ passed, failed: failed + failedRun, skipped }) + '\n')
})
process.stdin.pipe(parser)
