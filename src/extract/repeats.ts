import type { Counted } from './counted-noun.js'
import type { DraftClaim } from './draft-claim.js'

/**
 * An article states its key figure more than once: in the headline, the
 * lead and a summary. One claim per figure is what a desk records, so
 * repeats (same value, same hedge, same counted thing) become one draft,
 * the one from the body with the best confidence, and the others are kept
 * as `alsoAt` so the reviewer can see them.
 */

interface Repeatable {
  draft: Omit<DraftClaim, 'suggestedFact'>
  isHeading: boolean
  counted: Counted | null
}

/** The counted thing's head word without a plural "s": "officers" for "police officers" and "new officers". */
function headWord(counted: Counted): string {
  const last = counted.noun.split(' ').pop() ?? ''
  return last.length > 3 ? last.replace(/s$/, '') : last
}

function keyOf(r: Repeatable): string | null {
  if (r.counted === null) return null
  const v = r.draft.value
  return JSON.stringify([v.hedge, v.stated, v.unit ?? null, headWord(r.counted)])
}

const bareValue = (r: Repeatable) => JSON.stringify([r.draft.value.stated, r.draft.value.unit ?? null])
const valueKey = (r: Repeatable) => JSON.stringify([r.draft.value.hedge, r.draft.value.stated, r.draft.value.unit ?? null])

/** Listing every repeat of a figure that a text states thousands of times helps nobody. */
const maxAlsoAt = 20

export function mergeRepeats<T extends Repeatable>(drafts: T[]): T[] {
  // A headline figure may lack its noun ("Quake kills at least 63 in ..."): it repeats the body figure of the same value.
  const bodyTwin = new Map<string, string>()
  for (const d of drafts) {
    const key = keyOf(d)
    if (!d.isHeading && key !== null && !bodyTwin.has(valueKey(d))) bodyTwin.set(valueKey(d), key)
  }
  const keys = new Map<T, string | null>(drafts.map((d) => [d, keyOf(d) ?? (d.isHeading ? bodyTwin.get(valueKey(d)) ?? null : null)]))
  // A headline drops hedges and words ("to cut 1,200 jobs" over "about 1,200 jobs"): it repeats the body's first figure of the same value and unit.
  const bodyByValue = new Map<string, T>()
  for (const d of drafts) if (!d.isHeading && !bodyByValue.has(bareValue(d))) bodyByValue.set(bareValue(d), d)
  drafts.forEach((d, i) => {
    const twin = d.isHeading ? bodyByValue.get(bareValue(d)) : undefined
    // a bare count names what it counts: "two city hospitals" is no repeat of "two people"
    if (!twin || (d.draft.value.unit === undefined && d.counted && twin.counted && headWord(d.counted) !== headWord(twin.counted))) return
    if (keys.get(twin) == null) keys.set(twin, `twin:${i}`)
    keys.set(d, keys.get(twin)!)
  })
  const keyOfDraft = (d: T) => keys.get(d) ?? null
  const groups = new Map<string, T[]>()
  const out: T[] = []
  for (const d of drafts) {
    const key = keyOfDraft(d)
    if (key === null) {
      out.push(d)
      continue
    }
    const group = groups.get(key)
    if (group) group.push(d)
    else {
      groups.set(key, [d])
      out.push(d)
    }
  }
  return out.map((first) => {
    const key = keyOfDraft(first)
    const group = key === null ? [first] : groups.get(key)!
    if (group.length === 1) return first
    const best = group.reduce((a, b) => (Number(b.isHeading) - Number(a.isHeading) || a.draft.confidence - b.draft.confidence) < 0 ? b : a)
    const others = group.filter((g) => g !== best).map((g) => ({ start: g.draft.figureStart, end: g.draft.figureEnd }))
    const listed = others.slice(0, maxAlsoAt)
    const note = others.length > listed.length ? ` (the first ${listed.length} listed)` : ''
    return { ...best, draft: { ...best.draft, alsoAt: listed, reasons: [...best.draft.reasons, `the same figure appears ${others.length} more time(s) in the text${note}`] } }
  })
}
