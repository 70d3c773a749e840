// test-tier: int  (a gRPC look-alike EventStoreDB server in-process, the whole conformance suite over the network)
import t from 'tap'
import { createEsdbEventStore } from '../../src/store/esdb/create-esdb-event-store.js'
import { runConformance } from './conformance.js'
import { createLookalikeServer } from './esdb-lookalike-server.js'

// The adapter's own logic (hash chain over optimistic concurrency, retries,
// $all filtering and paging, positions with gaps) against an in-memory
// look-alike of the server. The same suite runs against a real server in
// esdb.conformance.test.ts when FACTLEDGER_ESDB_URL is set.
await runConformance(
  t,
  'esdb (in-memory look-alike)',
  async () => {
    const server = createLookalikeServer()
    const open = () => createEsdbEventStore({ connectionString: 'esdb://lookalike', client: server.connect() })
    return { store: await open(), reopen: open, cleanup: async () => {} }
  },
  { densePositions: false },
)
