import type { Hedge } from './quantity.js'

/**
 * The words reporters put before a number to hedge it, mapped to the hedge
 * they mean. Longest phrases first so "no more than" wins over "more than".
 * Kept as data so the extractor can find the same hedges in running text.
 */
export const hedgePrefixes: ReadonlyArray<readonly [phrase: string, hedge: Exclude<Hedge, 'exact' | 'between'>]> = [
  ['no more than', 'at-most'],
  ['not more than', 'at-most'],
  ['no fewer than', 'at-least'],
  ['not fewer than', 'at-least'],
  ['no less than', 'at-least'],
  ['not less than', 'at-least'],
  ['in excess of', 'more-than'],
  ['upwards of', 'more-than'],
  ['upward of', 'more-than'],
  ['well over', 'more-than'],
  ['just over', 'more-than'],
  ['more than', 'more-than'],
  ['over', 'more-than'],
  ['above', 'more-than'],
  ['at least', 'at-least'],
  ['just under', 'nearly'],
  ['close to', 'nearly'],
  ['nearly', 'nearly'],
  ['almost', 'nearly'],
  ['an estimated', 'about'],
  ['approximately', 'about'],
  ['roughly', 'about'],
  ['around', 'about'],
  ['about', 'about'],
  ['some', 'about'],
  ['as many as', 'up-to'],
  ['as much as', 'up-to'],
  ['up to', 'up-to'],
  ['fewer than', 'fewer-than'],
  ['less than', 'fewer-than'],
  ['under', 'fewer-than'],
  ['below', 'fewer-than'],
  ['at most', 'at-most'],
]

/** Words after a number that hedge it: "100 or more". */
export const hedgeSuffixes: ReadonlyArray<readonly [phrase: string, hedge: 'at-least' | 'at-most']> = [
  ['or more', 'at-least'],
  ['or fewer', 'at-most'],
  ['or less', 'at-most'],
]
