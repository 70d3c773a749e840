import { streamOf } from '../../events/ids.js'
import type { Backend } from '../backend/open-backend.js'
import type { FactViewAndHead } from '../read-model/port.js'
import { streamRevision } from '../store/stream-revision.js'

/**
 * A fact's current view as the read model stored it (JSON text) with its
 * stream's revision: in one statement where the backend offers it, else from
 * the read model and the store side by side. Null when the read model cannot
 * hand over text; the caller then reads the parsed view instead.
 */
export async function readCurrentFactText(backend: Pick<Backend, 'store' | 'readModel' | 'readFactViewAndHead'>, factId: string): Promise<FactViewAndHead | null> {
  const stream = streamOf.fact(factId)
  if (backend.readFactViewAndHead) return backend.readFactViewAndHead(factId, stream)
  if (!backend.readModel.getFactViewText) return null
  const [viewText, streamHead] = await Promise.all([backend.readModel.getFactViewText(factId), streamRevision(backend.store, stream)])
  return { viewText, streamHead }
}
