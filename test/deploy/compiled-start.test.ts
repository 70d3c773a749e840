import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { cpSync, existsSync, mkdirSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { compiledChildEnv } from '../helpers/tsx-child.js'

const root = fileURLToPath(new URL('../../', import.meta.url))

/**
 * The compiled start as the image runs it: a package directory with dist/,
 * bin/, package.json, migrations/ and the web page, and no TypeScript source
 * at all, so bin/factledger.js cannot fall back to tsx and every path the
 * server reads (migrations, static page, package.json) must resolve from dist/.
 */
function compiledPackage(dir: string): string {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, encoding: 'utf8' })
  if (build.status !== 0) throw new Error(`npm run build failed: ${build.stdout}${build.stderr}`)
  for (const path of ['dist', 'bin', 'package.json', 'migrations', 'src/web/public']) cpSync(join(root, path), join(dir, path), { recursive: true })
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir')
  mkdirSync(join(dir, 'data'))
  return dir
}

t.test('npm start runs compiled JavaScript from dist/: migrations, the web page and /ready work without the sources', async (t) => {
  const pkg = compiledPackage(t.testdir())
  t.notOk(existsSync(join(pkg, 'src/cli/entry.ts')), 'no TypeScript entry to fall back to')
  const child = spawn(process.execPath, ['bin/factledger.js', 'serve', '--port', '0', '--db', 'data/ledger.db'], {
    cwd: pkg,
    env: compiledChildEnv({ LOG_LEVEL: 'warn', FACTLEDGER_STORE: 'sqlite', FACTLEDGER_API_KEYS: '', FACTLEDGER_FROM_SOURCE: '' }),
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  t.teardown(() => {
    if (child.exitCode === null) child.kill('SIGKILL')
  })
  let stderr = ''
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk
      const match = /factledger API on (http:\/\/[^\s]+)/.exec(stderr)
      if (match) resolve(match[1]!)
    })
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)))
  })
  const ready = (await (await fetch(`${url}/ready`)).json()) as { status: string; headPosition: string }
  t.equal(ready.status, 'ready')
  t.ok(BigInt(ready.headPosition) > 0n, 'the migrated ledger took the demo corpus')
  const page = await fetch(`${url}/`)
  t.equal(page.status, 200)
  t.match(await page.text(), /<html/i, 'the web page is served from src/web/public')
  const facts = (await (await fetch(`${url}/facts?limit=1`)).json()) as { items: unknown[] }
  t.equal(facts.items.length, 1, 'the read model was migrated and projected')
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  const [code] = await exited
  t.equal(code, 0, `exit code 0 (${stderr.trim()})`)
})
