import t from 'tap'
import { createMemoryReadModel } from '../helpers/memory-read-model.js'
import { runReadModelConformance } from './conformance.js'

// The fake behind the HTTP tests keeps the same contract as the SQLite and
// PostgreSQL read models, so what those tests show holds for the real ones.
await runReadModelConformance(t, 'memory', async () => ({ readModel: createMemoryReadModel(), cleanup: async () => {} }))
