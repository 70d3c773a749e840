import t from 'tap'
import { runConformance } from '../store/conformance.js'
import { createMemoryEventStore, createMemoryStorage } from './memory-store.js'

// The test fake is held to the same contract as the real adapters, so code
// tested against it is tested against the port, not against the fake's quirks.
await runConformance(t, 'memory', async () => {
  const storage = createMemoryStorage()
  return {
    store: createMemoryEventStore({ storage }),
    reopen: async () => createMemoryEventStore({ storage }),
    cleanup: async () => {},
  }
})
