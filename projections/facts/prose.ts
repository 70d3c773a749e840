/**
 * Explanations are read by people: reasons typed by editors are embedded in
 * sentences, so their own closing punctuation must not double the sentence's.
 */

/** The text without its closing full stop (or other end mark), for embedding in a sentence. */
export function clause(text: string): string {
  return text.trim().replace(/[\s.;:,!?]+$/u, '') || text.trim()
}

/** The text as one sentence ending in exactly one full stop (a question or exclamation keeps its own mark). */
export function sentence(text: string): string {
  const t = text.trim()
  if (/[!?]$/.test(t)) return t
  return `${clause(t)}.`
}

/** Lower case, letters and digits only: "Daily Star" and "dailystar" are the same newsroom key. */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}
