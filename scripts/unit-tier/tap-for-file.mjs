// What `import t from 'tap'` gives a test file in the unit tier's one-process
// run (hooks.mjs sends it here): the subtest run.mjs opened for that file.
import { testOf } from './run.mjs'

export default testOf(new URL(import.meta.url).searchParams.get('file'))
