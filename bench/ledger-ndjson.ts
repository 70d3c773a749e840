import { createWriteStream } from 'node:fs'
import { finished } from 'node:stream/promises'
import { hashEvent } from '../src/store/hash-chain.js'
import { generateLedger } from './ledger-generator.js'

/**
 * Write the generated ledger as `factledger export` would: one event per
 * line, in log order, with the hash chain the store itself would compute
 * (same function), so `importEvents` accepts every line. Returns the bytes
 * of event payload (data + metadata JSON) per event, for the report.
 */
export async function writeLedgerNdjson(path: string, count: number, onProgress?: (done: number) => void): Promise<{ events: number; payloadBytes: number }> {
  const out = createWriteStream(path)
  let position = 0
  let payloadBytes = 0
  for (const { stream, revision, event, chain } of generateLedger(count)) {
    position += 1
    const hash = hashEvent(event, stream, revision, chain.hash)
    const data = JSON.stringify(event.data)
    const metadata = JSON.stringify(event.metadata)
    payloadBytes += data.length + metadata.length
    const line = `{"id":${JSON.stringify(event.id)},"stream":${JSON.stringify(stream)},"revision":"${revision}","position":"${position}","type":${JSON.stringify(event.type)},"schemaVersion":${event.schemaVersion},"data":${data},"metadata":${metadata},"hash":"${hash}","prevHash":${JSON.stringify(chain.hash)}}\n`
    chain.hash = hash
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
    if (position % 10_000 === 0) onProgress?.(position)
  }
  out.end()
  await finished(out)
  return { events: position, payloadBytes: position ? payloadBytes / position : 0 }
}
