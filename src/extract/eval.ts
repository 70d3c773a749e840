import { join } from 'node:path'
import { evaluate, fields, missedTargets, targets, type Evaluation } from './evaluate.js'
import { loadLabelSet, repositoryRoot } from './label-set.js'
import { textTable } from './text-table.js'

/**
 * `npm run eval:extract`: precision and recall per field on the seed set
 * and on the second, independently written set, reported separately so
 * the two can be compared. `--check` exits 1 when a target is missed;
 * `--misses` lists every disagreement; `--only=seeds,other` scores those sets. FACTLEDGER_SEEDS_DIR overrides
 * where the seed texts are.
 */

export const labelFiles = {
  seeds: join(repositoryRoot, 'test/fixtures/extract/seeds.json'),
  other: join(repositoryRoot, 'test/fixtures/extract/other/labels.json'),
  heldout: join(repositoryRoot, 'test/fixtures/extract/heldout/labels.json'),
  blind: join(repositoryRoot, 'test/fixtures/extract/blind/labels.json'),
  dev: join(repositoryRoot, 'test/fixtures/extract/dev/labels.json'),
  blind2: join(repositoryRoot, 'test/fixtures/extract/blind2/labels.json'),
  blind3: join(repositoryRoot, 'test/fixtures/extract/blind3/labels.json'),
  blind4: join(repositoryRoot, 'test/fixtures/extract/blind4/labels.json'),
}

export function formatEvaluation(name: string, evaluation: Evaluation): string {
  const rows = fields.map((f) => {
    const s = evaluation.scores[f]
    const target = targets[f]
    return [f, String(s.correct), String(s.predicted), String(s.labelled), s.precision.toFixed(3), s.recall.toFixed(3), target === undefined ? '' : `>= ${target}`]
  })
  return `${name}: ${evaluation.documents} documents\n${textTable(['field', 'correct', 'drafts', 'labelled', 'precision', 'recall', 'target'], rows)}`
}

export function formatMisses(evaluation: Evaluation): string {
  if (evaluation.misses.length === 0) return '  (no disagreements)'
  return evaluation.misses
    .map((m) => `  ${m.file}  ${m.field}  "${m.figure}": expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`)
    .join('\n')
}

async function main(argv: string[]): Promise<number> {
  const check = argv.includes('--check')
  const showMisses = argv.includes('--misses')
  // --only=seeds,other: score some sets (rules are tuned without looking at blind2)
  const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',')
  let failed = false
  for (const [name, file] of Object.entries(labelFiles)) {
    if (only && !only.includes(name)) continue
    const override = name === 'seeds' ? process.env.FACTLEDGER_SEEDS_DIR : undefined
    const { documents } = await loadLabelSet(file, override)
    const evaluation = evaluate(documents)
    console.log(formatEvaluation(name, evaluation))
    const missed = missedTargets(evaluation)
    if (missed.length > 0) {
      failed = true
      console.log(`  targets missed: ${missed.join('; ')}`)
    }
    if (showMisses) console.log(formatMisses(evaluation))
    console.log('')
  }
  return check && failed ? 1 : 0
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err)
      process.exit(2)
    },
  )
}
