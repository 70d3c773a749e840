/**
 * English number words as news reports write them: "fifteen", "twenty-one",
 * "one hundred and twenty", "a dozen", "two million". Vague plurals
 * ("dozens", "hundreds") are not numbers and are reported as vague so the
 * caller can say so instead of guessing.
 */

const units: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
}
const teens: Record<string, number> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15,
  sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
}
const tens: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
}
/** Words that multiply what came before; each may appear once, largest first. */
export const scaleWords: Record<string, number> = {
  thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
}

/** Plural and collective words a reporter uses when no number is known. */
export const vagueAmountWords = [
  'dozens', 'scores', 'hundreds', 'thousands', 'millions', 'billions', 'tens of thousands',
  'many', 'several', 'few', 'a few', 'a lot', 'lots', 'numerous', 'countless', 'some', 'a number',
] as const

/** Every word this module can read, for callers that look for number words in running text. */
export const numberWordList: readonly string[] = [
  ...Object.keys(units), ...Object.keys(teens), ...Object.keys(tens), 'hundred', 'dozen', ...Object.keys(scaleWords),
]

type Token = 'unit' | 'teen' | 'tens' | 'hundred' | 'dozen' | 'scale' | 'a' | 'and'

/** Own keys only: text like "__proto__" or "constructor" must not read Object.prototype. */
export const has = (table: Record<string, number>, word: string): boolean => Object.hasOwn(table, word)

function classify(word: string): Token | null {
  if (has(units, word)) return 'unit'
  if (has(teens, word)) return 'teen'
  if (has(tens, word)) return 'tens'
  if (word === 'hundred') return 'hundred'
  if (word === 'dozen') return 'dozen'
  if (has(scaleWords, word)) return 'scale'
  if (word === 'a' || word === 'an') return 'a'
  if (word === 'and') return 'and'
  return null
}

/** Which token may follow which: rules out "twenty twenty", "five six", "hundred hundred". */
const mayFollow: Record<Token | 'start', readonly Token[]> = {
  start: ['unit', 'teen', 'tens', 'a'],
  a: ['hundred', 'dozen', 'scale'],
  unit: ['hundred', 'dozen', 'scale'],
  teen: ['hundred', 'dozen', 'scale'],
  tens: ['unit', 'dozen', 'scale'],
  hundred: ['unit', 'teen', 'tens', 'scale', 'and'],
  dozen: ['scale'],
  scale: ['unit', 'teen', 'tens', 'and'],
  and: ['unit', 'teen', 'tens'],
}

/**
 * The value of a phrase made only of number words, or null. Words are
 * separated by spaces or hyphens ("twenty-one"); case is ignored.
 */
export function parseNumberWords(phrase: string): number | null {
  const words = phrase.toLowerCase().trim().split(/[\s-]+/).filter((w) => w.length > 0)
  if (words.length === 0) return null
  let total = 0
  let group = 0
  let previous: Token | 'start' = 'start'
  let lastScale = Infinity
  for (const word of words) {
    const token = classify(word)
    if (token === null || !mayFollow[previous].includes(token)) return null
    switch (token) {
      case 'unit':
        group += units[word]!
        break
      case 'teen':
        group += teens[word]!
        break
      case 'tens':
        group += tens[word]!
        break
      case 'a':
        group = 1
        break
      case 'hundred':
        if (group >= 100) return null
        group = (group === 0 ? 1 : group) * 100
        break
      case 'dozen':
        group = (group === 0 ? 1 : group) * 12
        break
      case 'scale': {
        const scale = scaleWords[word]!
        if (scale >= lastScale) return null
        lastScale = scale
        total += (group === 0 ? 1 : group) * scale
        group = 0
        break
      }
      case 'and':
        break
    }
    previous = token
  }
  if (previous === 'and' || previous === 'a') return null
  return total + group
}
