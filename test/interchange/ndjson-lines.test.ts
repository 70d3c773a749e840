import assert from 'node:assert/strict'
import { createInterface } from 'node:readline'
import { Readable } from 'node:stream'
import fc from 'fast-check'
import t from 'tap'
import { assertProperty } from '../helpers/property.js'
import { createLineSplitter } from '../../src/interchange/ndjson-lines.js'

/** What node:readline (crlfDelay: Infinity, as the import used) makes of the same chunks. */
async function readlineLines(chunks: Buffer[]): Promise<string[]> {
  const lines: string[] = []
  for await (const line of createInterface({ input: Readable.from(chunks), crlfDelay: Infinity })) lines.push(line)
  return lines
}

function splitterLines(chunks: Buffer[]): string[] {
  const splitter = createLineSplitter()
  return [...chunks.flatMap(chunk => [...splitter.push(chunk)]), ...splitter.end()]
}

/** The bytes of `text` cut at the given offsets (anywhere: inside \r\n or a multi-byte character too). */
function cut(text: string, at: number[]): Buffer[] {
  const bytes = Buffer.from(text)
  const points = [...new Set(at.map(i => i % (bytes.length + 1)))].sort((a, b) => a - b)
  return [...points, bytes.length].map((end, i) => bytes.subarray(i === 0 ? 0 : points[i - 1], end)).filter(c => c.length > 0)
}

// Text made mostly of line ends and short words, with characters of 2 and 4 bytes.
const text = fc.array(fc.constantFrom('\n', '\r', '\r\n', '', ' ', 'a', '{"x":1}', 'é😀'), { maxLength: 40 }).map(parts => parts.join(''))

t.test('the same lines as readline, however the bytes are cut into chunks', async t => {
  await assertProperty(
    t,
    fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 8 }), async (whole, at) => {
      const chunks = cut(whole, at)
      assert.deepStrictEqual(splitterLines(chunks), await readlineLines(chunks), JSON.stringify(chunks.map(c => c.toString('hex'))))
    }),
    { numRuns: 1500, seed: 2028 },
  )
})

t.test('cases readline is particular about', async t => {
  const cases: Array<[string, string[]]> = [
    ['\\r\\n split across chunks is one line end', ['a\r', '\nb']],
    ['a lone \\r at the very end', ['a\r']],
    ['only line ends', ['\r\n\n\r', '\r']],
    ['no line end at all', ['abc', 'def']],
    ['empty lines between', ['a\n\n\nb\n']],
    ['a \\r far after many lines', [`${'x\n'.repeat(50)}y\rz`]],
    ['invalid UTF-8 replaced as readline replaces it', ['a\xff\n']],
  ]
  for (const [what, chunks] of cases) {
    const buffers = chunks.map(c => Buffer.from(c, what.startsWith('invalid') ? 'latin1' : 'utf8'))
    t.strictSame(splitterLines(buffers), await readlineLines(buffers), what)
  }
})

t.test('a multi-byte character cut between chunks is decoded whole', async t => {
  const bytes = Buffer.from('é😀\nnext\n')
  t.strictSame(splitterLines([bytes.subarray(0, 1), bytes.subarray(1, 4), bytes.subarray(4)]), ['é😀', 'next'])
})
