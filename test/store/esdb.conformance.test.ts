import { randomBytes } from 'node:crypto'
import t from 'tap'
import { createEsdbEventStore } from '../../src/store/esdb/create-esdb-event-store.js'
import { runConformance } from './conformance.js'

/**
 * The conformance suite against a live EventStoreDB / KurrentDB node. To run it:
 *
 *   docker compose up -d kurrentdb
 *   FACTLEDGER_ESDB_URL='esdb://127.0.0.1:2113?tls=false' npx tap test/store/esdb.conformance.test.ts
 *
 * A server keeps everything, so each case writes under a namespace of its
 * own (streams `<ns>:<stream>`, reads filtered to it): from the adapter's view
 * every case starts on an empty ledger. $all positions are log offsets, hence
 * densePositions: false.
 */
const url = process.env.FACTLEDGER_ESDB_URL

if (!url) {
  // One skipped case in the closing count, so a run without a node says so.
  t.test('the store conformance suite against a live EventStoreDB', {
    skip: "FACTLEDGER_ESDB_URL is not set; start a node (docker compose up -d kurrentdb) and run FACTLEDGER_ESDB_URL='esdb://127.0.0.1:2113?tls=false' npx tap test/store/esdb.conformance.test.ts",
  }, async () => {})
} else {
  const run = `t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`
  let n = 0
  await runConformance(
    t,
    'esdb',
    async () => {
      const namespace = `${run}-${n++}`
      const open = () => createEsdbEventStore({ connectionString: url, namespace })
      return { store: await open(), reopen: open, cleanup: async () => {} }
    },
    { densePositions: false },
  )
}
