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
  return env
}
