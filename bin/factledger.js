#!/usr/bin/env node
// Runs the compiled JavaScript in dist/ when it is there (`npm run build`;
// `npm start` and `npm test` build it first), otherwise the TypeScript
// sources through tsx's loader, so a checkout that was never built still works.
// FACTLEDGER_FROM_SOURCE=1 runs the sources even when dist/ exists (while
// editing them, without rebuilding).
import { existsSync } from 'node:fs'

const compiled = new URL('../dist/src/cli/entry.js', import.meta.url)
let entry = compiled.href
if (existsSync(compiled) && process.env.FACTLEDGER_FROM_SOURCE !== '1') {
  process.setSourceMapsEnabled(true)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  entry = new URL('../src/cli/entry.ts', import.meta.url).href
}
const { main } = await import(entry)
await main()
