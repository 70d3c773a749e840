import fc from 'fast-check'
import type { Test } from 'tap'

/**
 * Check one fast-check property as one assertion. The property fails by
 * returning false or by throwing (node:assert inside it), so fast-check can
 * shrink to the smallest counterexample, which the failed assertion carries
 * in its diagnostics. One property is one test case, however many runs it makes.
 */
export async function assertProperty<Ts>(t: Test, property: fc.IRawProperty<Ts>, params?: fc.Parameters<Ts>): Promise<void> {
  const details = await fc.check(property, params)
  t.ok(!details.failed, `the property holds over ${details.numRuns} runs`, details.failed ? { report: fc.defaultReportMessage(details) } : {})
}
