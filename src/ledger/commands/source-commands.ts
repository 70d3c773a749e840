import { streamOf } from '../../../events/ids.js'
import { evolveSource } from '../../../projections/evolve-source.js'
import type { SourceDoc } from '../../../projections/model.js'
import { defineCommand } from '../command.js'
import type { Entity, ReadEntity } from '../entity.js'
import { fail } from '../errors.js'
import { RegisterSourceInput, RetractSourceInput, ReviseSourceInput } from '../inputs.js'
import { sha256Hex } from '../snapshot.js'

interface SourceState {
  source: Entity<SourceDoc>
}
const readSource = async (read: ReadEntity, c: { sourceId: string }): Promise<SourceState> => ({ source: await read(streamOf.source(c.sourceId), evolveSource) })
const sourceTarget = (c: { sourceId: string }) => ({ stream: streamOf.source(c.sourceId), entityId: c.sourceId })
const snapshotOf = (text: string | undefined) => (text ? { snapshot: { text, sha256: sha256Hex(text) } } : {})

export const registerSource = defineCommand({
  role: 'editor',
  body: RegisterSourceInput,
  command: ({ sourceId, ...body }, id) => ({ sourceId: sourceId ?? id, ...body }),
  target: sourceTarget,
  state: readSource,
  decide: ({ source }: SourceState, { snapshotText, ...rest }) => {
    if (source.doc) return fail.exists('source', 'sourceId', rest.sourceId)
    return { type: 'SourceRegistered', data: { ...rest, ...snapshotOf(snapshotText) } }
  },
})

export const reviseSource = defineCommand({
  role: 'editor',
  body: ReviseSourceInput,
  command: (body, id) => ({ sourceId: id, ...body }),
  target: sourceTarget,
  state: readSource,
  decide: ({ source }: SourceState, { snapshotText, ...rest }) => {
    if (!source.doc) return fail.notFound('source', 'sourceId', rest.sourceId)
    if (source.doc.retracted) return fail.invariant('sourceId', 'the source was retracted; a retracted source is not revised')
    return { type: 'SourceRevised', data: { ...rest, ...snapshotOf(snapshotText) } }
  },
})

export const retractSource = defineCommand({
  role: 'editor',
  body: RetractSourceInput,
  command: (body, id) => ({ sourceId: id, ...body }),
  target: sourceTarget,
  state: readSource,
  decide: ({ source }: SourceState, command) => {
    if (!source.doc) return fail.notFound('source', 'sourceId', command.sourceId)
    if (source.doc.retracted) return fail.invariant('sourceId', 'the source is already retracted')
    return { type: 'SourceRetracted', data: command }
  },
})
