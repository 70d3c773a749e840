import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The directory holding factledger's package.json. Files that ship beside the
 * code (migrations/, src/web/public/, test fixtures) are found from here, not
 * from a module's own path, because the same module runs from `src/…` under
 * tsx and from `dist/src/…` after the build, one level deeper.
 */
export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)))

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`)
  }
}

/** A path inside the package, e.g. `fromPackageRoot('migrations', 'sqlite')`. */
export function fromPackageRoot(...segments: string[]): string {
  return join(packageRoot, ...segments)
}
