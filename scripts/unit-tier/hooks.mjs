// Module resolve hook for the unit tier's one-process run (run.mjs registers
// it). Every test file does `import t from 'tap'` and so would put its tests
// on the process's root test, mixed with every other file's. Here `tap`,
// imported by a test file, resolves to tap-for-file.mjs with that file in the
// query, a module whose default export is the subtest run.mjs opened for that
// file: the file's tests, teardowns and fixture directories nest under its
// name, as they did in a process of its own. Every other import of `tap`
// (helpers import only its types) resolves as usual.
const tapForFile = new URL('./tap-for-file.mjs', import.meta.url)

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'tap' && context.parentURL?.endsWith('.test.ts')) {
    const url = new URL(tapForFile)
    url.searchParams.set('file', context.parentURL)
    return { url: url.href, format: 'module', shortCircuit: true }
  }
  return nextResolve(specifier, context)
}
