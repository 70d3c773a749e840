#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx's loader: no build step, so
// a fresh clone works right after `npm ci`.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../src/cli/entry.ts')
await main()
