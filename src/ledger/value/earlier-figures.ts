import { parseQuantity } from '../../../events/quantity/parse.js'
import { bare, endsClause, type PrintedFigure, phrase } from './quote-words.js'

/**
 * Which figures a quote gives as earlier ones. "21, up from 15" states 21;
 * 15 is what the count was before, so a claim whose value is 15 says
 * something the quote does not (it needs an editor's reading with a reason).
 *
 * The rule, decided to err towards accepting what the source states:
 * a figure is earlier when, within its own clause,
 * - it follows "from" after a verb of change: "up from 15", "down from 15",
 *   "rose to 21 from 15", and "rose from 15 to 21" (the first end of the
 *   change, which the parser would otherwise read as a range "from X to Y");
 * - it follows "compared with", "compared to", "versus" or "vs.";
 * - it follows "previously", "formerly", "originally", "initially", "earlier"
 *   or "had been", with at most a few linking words between
 *   ("initially put at 4,000", "previously reported 15");
 * - it follows "was" or "were" while another figure follows "now"
 *   ("which was 15 on Monday, is now 21").
 * A plain "was 21" is not earlier on its own: reported speech is in the past
 * tense ("the toll was 21, officials said") and states the figure.
 */

const changeWords = new Set([
  'up', 'down', 'rose', 'risen', 'rise', 'rises', 'rising', 'climbed', 'climbs', 'climbing', 'increased', 'increases', 'increasing',
  'grew', 'grown', 'grows', 'growing', 'jumped', 'jumps', 'soared', 'surged', 'fell', 'fallen', 'falls', 'falling', 'dropped', 'drops',
  'dropping', 'declined', 'declines', 'declining', 'decreased', 'decreases', 'decreasing', 'slipped', 'revised', 'raised', 'lowered',
  'cut', 'went', 'changed', 'moved',
])
const earlierAdverbs = new Set(['previously', 'formerly', 'originally', 'initially', 'earlier'])
/** Words that may stand between an adverb and its figure: "initially put at", "previously reported as". */
const linking = new Set(['reported', 'put', 'at', 'as', 'said', 'given', 'estimated', 'counted', 'listed', 'stood', 'was', 'were', 'is', 'been', 'the', 'figure', 'toll', 'count', 'total', 'number', 'to', 'be'])
/** How far back a verb of change may stand from its "from": "rose sharply to 21 from". */
const changeReach = 4
const linkingReach = 3

/** The words before `start` within its clause, nearest first. */
function clauseBefore(words: readonly string[], start: number, reach: number): string[] {
  const out: string[] = []
  for (let k = start - 1; k >= 0 && out.length < reach; k--) {
    if (endsClause(words[k]!)) break
    out.push(bare(words[k]!))
  }
  return out
}

/** How many words before `start` the cue begins, or -1: the cue's own words and the figure make the text shown. */
function cueLength(words: readonly string[], start: number, contrastWithNow: boolean): number {
  const before = clauseBefore(words, start, changeReach + 1)
  if (before[0] === 'from') {
    const change = before.slice(1).findIndex((w) => changeWords.has(w))
    if (change >= 0) return change + 2
  }
  if (before[0] === 'versus' || before[0] === 'vs') return 1
  if (before[1] === 'compared' && (before[0] === 'with' || before[0] === 'to')) return 2
  for (let k = 0; k < Math.min(before.length, linkingReach + 1); k++) {
    const w = before[k]!
    if (earlierAdverbs.has(w)) return k + 1
    if (w === 'been' && before[k + 1] === 'had') return k + 2
    if (contrastWithNow && (w === 'was' || w === 'were')) return k + 1
    if (!linking.has(w)) break
  }
  return -1
}

/** Does the figure follow "now" in its clause ("is now 21", "now stands at 21")? */
function followsNow(words: readonly string[], start: number): boolean {
  for (const w of clauseBefore(words, start, linkingReach + 1)) {
    if (w === 'now') return true
    if (!linking.has(w) && w !== 'stands' && w !== 'has' && w !== 'have') return false
  }
  return false
}

/** "rose from 15 to 21": the range the parser read is a change; its two ends are an earlier and a current figure. */
function splitChange(words: readonly string[], figure: Omit<PrintedFigure, 'earlierCue'>): PrintedFigure[] | null {
  if (figure.quantity.hedge !== 'between' || bare(words[figure.start]!) !== 'from') return null
  const before = clauseBefore(words, figure.start, changeReach)
  const change = before.findIndex((w) => changeWords.has(w))
  if (change < 0) return null
  const to = words.findIndex((w, k) => k > figure.start && k < figure.end && bare(w) === 'to')
  if (to < 0) return null
  const from = parseQuantity(phrase(words, figure.start + 1, to))
  const upTo = parseQuantity(phrase(words, to + 1, figure.end))
  if (!from.ok || !upTo.ok) return null
  return [
    { quantity: from.quantity, start: figure.start + 1, end: to, earlierCue: phrase(words, figure.start - change - 1, to) },
    { quantity: upTo.quantity, start: to + 1, end: figure.end, earlierCue: null },
  ]
}

export function markEarlierFigures(words: readonly string[], figures: ReadonlyArray<Omit<PrintedFigure, 'earlierCue'>>): PrintedFigure[] {
  const contrastWithNow = figures.some((f) => followsNow(words, f.start))
  return figures.flatMap((figure) => {
    const split = splitChange(words, figure)
    if (split) return split
    const cue = cueLength(words, figure.start, contrastWithNow)
    return [{ ...figure, earlierCue: cue < 0 ? null : phrase(words, figure.start - cue, figure.end) }]
  })
}
