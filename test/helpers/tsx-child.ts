/**
 * The environment for a child process that runs TypeScript through tsx (a
 * crashing writer, a rebuild to kill): without tap's coverage hooks. tsx
 * minifies whitespace, so line-based coverage of what such a child ran would
 * count whole files as covered and blur the real measurement the tests make
 * through tap's TypeScript plugin (.taprc).
 */
export function tsxChildEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra }
  delete env.NODE_OPTIONS
  delete env.NODE_V8_COVERAGE
  for (const key of Object.keys(env)) if (key.startsWith('_TAPJS_PROCESSINFO')) delete env[key]
  // tap's process tracking wraps spawn and puts its hooks back into a child's
  // environment, so deleting them is not enough: this is its documented switch.
  env._TAPJS_PROCESSINFO_COVERAGE_ = '0'
  return env
}

/**
 * The environment for a child that runs the compiled dist/ (`factledger
 * serve` as users start it): without tap's coverage hooks either. Its V8
 * coverage maps back to the TypeScript through tsc's source maps, whose
 * statements differ from those of tap's TypeScript plugin for the same file;
 * merged, the two made files the in-process tests cover fully read ~40%
 * covered (conflict.ts, evolve-claim.ts) and failed the bars. What such a
 * child runs is measured in-process by the tests of the same code.
 */
export function compiledChildEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return tsxChildEnv(extra)
}
