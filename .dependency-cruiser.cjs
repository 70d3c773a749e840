/**
 * Import boundaries: DESIGN.md's one-way dependencies, checked on every
 * `npm test` (`npm run lint:deps`). Each rule names the layer it protects;
 * README "Architecture" draws the same picture.
 *
 *   events/          zod only
 *   projections/     events/ (pure: no store, no I/O, no transport)
 *   src/store/       events/ (the event store: knows no view, no HTTP)
 *   src/read-model/  projections/ (types), src/store/ (its database handles and errors)
 *   src/ledger/      events/, src/store/, projections/ (no HTTP, no read model)
 *   src/runner/      projections/, src/store/, src/read-model/
 *   src/backend/     src/store/, src/read-model/ (the composition of both)
 *   src/http/, src/cli/  the only places that know transport
 */
const layer = (name) => `^${name}/`
const transport = '^src/(http|cli)/'

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle makes two modules one; break it by moving the shared type to the lower layer.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'events-depend-on-zod-only',
      severity: 'error',
      from: { path: layer('events') },
      to: { pathNot: [layer('events'), '^node_modules/zod/', '^node:'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'projections-are-pure',
      severity: 'error',
      comment: 'Projections fold events: no store, no read model, no transport, no I/O.',
      from: { path: layer('projections') },
      to: { pathNot: [layer('projections'), layer('events'), '^node_modules/zod/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'projections-do-no-io',
      severity: 'error',
      from: { path: layer('projections') },
      to: { dependencyTypes: ['core'], path: '^(fs|net|http|https|child_process|worker_threads|dgram)$' },
    },
    {
      name: 'store-knows-no-view',
      severity: 'error',
      comment: 'The event store knows events only: no projections, read model, ledger, runner or transport.',
      from: { path: layer('src/store') },
      to: { path: [layer('projections'), '^src/(read-model|ledger|runner|backend|read|http|cli|demo|extract|interchange|web)/', '^src/runtime\\.ts$'] },
    },
    {
      name: 'read-model-knows-no-writer-or-transport',
      severity: 'error',
      from: { path: layer('src/read-model') },
      to: { path: ['^src/(ledger|runner|backend|read|http|cli|demo|extract|interchange|web)/', '^src/runtime\\.ts$'] },
    },
    {
      name: 'ledger-knows-no-transport-or-read-model',
      severity: 'error',
      comment: 'Commands decide on the folded entity streams (projections evolve*), never on the read model; no HTTP.',
      from: { path: layer('src/ledger') },
      to: { path: ['^src/(read-model|runner|backend|read|http|cli|demo|web)/', '^src/runtime\\.ts$'] },
    },
    {
      name: 'runner-knows-no-writer-or-transport',
      severity: 'error',
      from: { path: layer('src/runner') },
      to: { path: ['^src/(ledger|backend|read|http|cli|demo|web)/', '^src/runtime\\.ts$'] },
    },
    {
      name: 'backend-composes-store-and-read-model-only',
      severity: 'error',
      from: { path: layer('src/backend') },
      to: { path: ['^src/(ledger|read|http|cli|demo|extract|interchange|web)/', '^src/runtime\\.ts$'] },
    },
    {
      name: 'only-transport-knows-transport',
      severity: 'error',
      comment: 'fastify and the CLI live in src/http/ and src/cli/; nothing below them imports either.',
      from: { path: '^(src|events|projections)/', pathNot: transport },
      to: { path: transport },
    },
    {
      name: 'http-does-not-use-the-cli',
      severity: 'error',
      from: { path: layer('src/http') },
      to: { path: layer('src/cli') },
    },
    {
      name: 'product-code-imports-no-dev-dependency',
      severity: 'error',
      comment: 'The production image installs no devDependencies (autocannon, fast-check, tap...): the product must load without them.',
      from: { path: '^(src|events|projections|migrations|bin)/' },
      to: { dependencyTypes: ['npm-dev'] },
    },
    {
      name: 'product-code-imports-no-tests-or-bench',
      severity: 'error',
      from: { path: '^(src|events|projections|migrations|bin)/' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'no-unresolvable-imports',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
}
