import { benchCommand } from './command.js'

/** `npm run bench -- [options]` (see command.ts): the process entry, real streams and exit code. */
process.exitCode = await benchCommand(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, interactive: Boolean(process.stderr.isTTY) })
