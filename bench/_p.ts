import { createSqliteEventStore } from '../src/store/sqlite/create-sqlite-event-store.js'
import { createClaimEvents } from './claim-events.js'
import { concurrentAppends } from './scenarios/append-concurrent.js'
const store = await createSqliteEventStore({ path: '/tmp/p-conc/x.db' })
const next = createClaimEvents(3)
console.log(await concurrentAppends(store, next, 5000), store.stats())
await store.close()
