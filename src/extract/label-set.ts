import { readFile } from 'node:fs/promises'
import { isAbsolute, join, resolve } from 'node:path'
import { z } from 'zod'
import { Modality } from '../../events/claim-events.js'
import { Hedge } from '../../events/quantity/quantity.js'
import { packageRoot } from '../package-root.js'

/**
 * A labelled set for evaluating extraction: articles and, for each, every
 * figure a fact-checker would record with the values they would record.
 * A label finds its figure by a short unique phrase around it (`near`), so
 * labels stay readable and survive edits elsewhere in the text.
 */

export const LabelledFigure = z
  .object({
    near: z.string().min(1),
    figure: z.string().min(1),
    quantity: z.object({ hedge: Hedge, stated: z.array(z.number()).min(1).max(2), unit: z.string().optional() }).strict(),
    modality: Modality,
    attributedTo: z.string().min(1),
    via: z.array(z.string()),
    counted: z.string().min(1),
    validAt: z.string(),
  })
  .strict()
export type LabelledFigure = z.infer<typeof LabelledFigure>

export const LabelSet = z
  .object({
    set: z.string().min(1),
    description: z.string(),
    /** Where the texts are, relative to the repository root (or absolute). */
    textDir: z.string().min(1),
    documents: z.array(
      z.object({ file: z.string().min(1), publisher: z.string().min(1), publishedAt: z.string(), figures: z.array(LabelledFigure) }).strict(),
    ),
  })
  .strict()
export type LabelSet = z.infer<typeof LabelSet>

export interface LabelledDocument {
  file: string
  text: string
  publisher: string
  publishedAt: string
  figures: Array<LabelledFigure & { start: number; end: number }>
}

/** Label sets name their text folders relative to this (the package root, from src/ or dist/ alike). */
export const repositoryRoot = packageRoot

/** Where a label's figure is in the text; a label whose phrase is missing or ambiguous is a broken fixture. */
export function locateFigure(text: string, label: LabelledFigure, file: string): { start: number; end: number } {
  const at = text.indexOf(label.near)
  if (at < 0) throw new Error(`${file}: label phrase not found: "${label.near}"`)
  if (text.indexOf(label.near, at + 1) >= 0) throw new Error(`${file}: label phrase is not unique: "${label.near}"`)
  const inner = label.near.indexOf(label.figure)
  if (inner < 0) throw new Error(`${file}: figure "${label.figure}" is not inside "${label.near}"`)
  return { start: at + inner, end: at + inner + label.figure.length }
}

/**
 * Reads a label set and its texts. `textDirOverride` replaces the set's
 * textDir (the seed corpus lives outside the repository; FACTLEDGER_SEEDS_DIR
 * points elsewhere in CI).
 */
export async function loadLabelSet(labelFile: string, textDirOverride?: string): Promise<{ set: LabelSet; documents: LabelledDocument[] }> {
  const set = LabelSet.parse(JSON.parse(await readFile(labelFile, 'utf8')))
  const dir = textDirOverride ?? (isAbsolute(set.textDir) ? set.textDir : resolve(repositoryRoot, set.textDir))
  const documents: LabelledDocument[] = []
  for (const doc of set.documents) {
    const text = await readFile(join(dir, doc.file), 'utf8')
    documents.push({ ...doc, text, figures: doc.figures.map((f) => ({ ...f, ...locateFigure(text, f, doc.file) })) })
  }
  return { set, documents }
}
