import type { z } from 'zod'
import type { FactView } from '../../projections/model.js'
import type { ViewChange } from '../read/fact-versions.js'
import type { FactVersion } from './schemas/responses.js'

const idChange = (before: readonly string[], after: readonly string[]) => {
  const was = new Set(before)
  const is = new Set(after)
  return { added: after.filter((id) => !was.has(id)), removed: before.filter((id) => !is.has(id)) }
}

/**
 * A version entry of a fact's history: the new view's headline and the claim
 * ids that changed role, so a page of versions grows with what changed, not
 * with the size of every past view. The whole view is one GET away.
 */
export function toFactVersion({ view, previous }: ViewChange): z.infer<typeof FactVersion> {
  const before: Pick<FactView, 'supporting' | 'superseded' | 'conflicting' | 'excluded'> = previous ?? { supporting: [], superseded: [], conflicting: [], excluded: [] }
  const key = (e: FactView['excluded'][number]) => `${e.claimId}\n${e.reason}`
  const wasExcluded = new Set(before.excluded.map(key))
  const isExcluded = new Set(view.excluded.map((e) => e.claimId))
  return {
    position: view.asOf.position,
    status: view.status,
    display: view.display,
    value: view.value,
    origins: view.origins,
    summary: view.summary,
    policyVersion: view.policyVersion,
    changes: {
      supporting: idChange(before.supporting, view.supporting),
      superseded: idChange(before.superseded, view.superseded),
      conflicting: idChange(before.conflicting, view.conflicting),
      excluded: { added: view.excluded.filter((e) => !wasExcluded.has(key(e))), removed: before.excluded.filter((e) => !isExcluded.has(e.claimId)).map((e) => e.claimId) },
    },
    view: `/facts/${encodeURIComponent(view.factId)}?asOf=${view.asOf.position}`,
  }
}
