import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

/** A bench child script (TypeScript under bench/children/) run by Node with tsx, as the CLI runs. */
export function childScript(name: string): string {
  return fileURLToPath(new URL(`./children/${name}`, import.meta.url))
}

/**
 * Run a child to completion: each stderr line goes to `onLine`, the last
 * stdout line is parsed as the JSON result. A non-zero exit rejects with the
 * child's stderr tail.
 */
export function runChild<T>(script: string, args: string[], onLine?: (line: string) => void, nodeArgs: string[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    const out: string[] = []
    const tail: string[] = []
    createInterface({ input: child.stdout }).on('line', (line) => out.push(line))
    createInterface({ input: child.stderr }).on('line', (line) => {
      tail.push(line)
      if (tail.length > 20) tail.shift()
      onLine?.(line)
    })
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${script} exited with ${code}: ${tail.join('\n')}`))
      try {
        resolve(JSON.parse(out.at(-1) ?? '') as T)
      } catch {
        reject(new Error(`${script} printed no JSON result: ${out.slice(-3).join('\n')}`))
      }
    })
  })
}

export interface ServerChild {
  url: string
  stop(): Promise<void>
}

/** Start a long-running child that prints { url } once it listens; stop() sends SIGTERM and waits for the exit. */
export function startServerChild(script: string, args: string[]): Promise<ServerChild> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    const tail: string[] = []
    let started = false
    const exited = new Promise<void>((done) => child.once('exit', () => done()))
    createInterface({ input: child.stderr }).on('line', (line) => {
      tail.push(line)
      if (tail.length > 20) tail.shift()
    })
    createInterface({ input: child.stdout }).once('line', (line) => {
      started = true
      try {
        const { url } = JSON.parse(line) as { url: string }
        resolve({
          url,
          stop: async () => {
            child.kill('SIGTERM')
            await exited
          },
        })
      } catch {
        child.kill('SIGTERM')
        reject(new Error(`${script} printed "${line}" instead of { url }`))
      }
    })
    child.on('error', reject)
    child.once('exit', (code) => {
      if (!started) reject(new Error(`${script} exited with ${code} before listening: ${tail.join('\n')}`))
    })
  })
}
