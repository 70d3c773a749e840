/**
 * The two ways into the ledger that need no fact or claim first: register a
 * source (with the pasted article as its saved copy, so quotes from it can be
 * checked) and define a fact (the question a figure answers). Both are
 * openActionDialog forms, so a refused field is explained next to itself in
 * plain words and what was typed survives a reload.
 */
import { openActionDialog } from './action-dialog.js'

const tierOptions = [
  ['', 'Choose a tier…'],
  ['1', '1 — strongest'],
  ['2', '2'],
  ['3', '3'],
  ['4', '4 — weakest'],
]

const kindOptions = [
  ['count', 'A count (people, officials, cases)'],
  ['amount', 'An amount (money, tonnes)'],
  ['percent', 'A percentage or rate'],
  ['date', 'A date'],
]

/** An optional field the editor left empty is not sent at all: the ledger refuses an empty URL, not a missing one. */
const optional = (text) => (text === '' ? undefined : text)

export function registerSource() {
  return openActionDialog({
    draftKey: 'register-source',
    title: 'Register a source',
    intro: 'An article or statement that claims will cite. Paste its text as the saved copy: every quote cited from it is then checked against those words.',
    submitLabel: 'Register source',
    fields: [
      { name: 'publisher', label: 'Publisher', path: 'publisher', required: true, help: 'e.g. “Reuters”, “U.S. Treasury”' },
      { name: 'title', label: 'Headline or title', path: 'title', required: true },
      { name: 'url', label: 'Web address', path: 'url', help: 'Where readers can open the original, starting with https://' },
      { name: 'publishedAt', label: 'Published on', path: 'publishedAt', type: 'date', required: true },
      { name: 'retrievedAt', label: 'Retrieved on', path: 'retrievedAt', type: 'date', help: 'When the text below was copied, if not the day it was published' },
      { name: 'origin', label: 'Reporting by (origin)', path: 'origin', required: true, help: 'The newsroom or body that did the reporting. A reprinted wire story has the wire’s origin: sources with one origin count once.' },
      { name: 'tier', label: 'Reliability tier', path: 'tier', type: 'select', options: tierOptions, required: true, help: 'Used when claims conflict: the stronger tier is preferred.' },
      { name: 'snapshotText', label: 'Saved copy (the article’s text)', path: 'snapshotText', type: 'textarea', help: 'Paste the text as published. Without it, quotes from this source cannot be checked and say so on their cards.' },
    ],
    load: async () => ({ ok: true, values: { publisher: '', title: '', url: '', publishedAt: '', retrievedAt: '', origin: '', tier: '', snapshotText: '' }, precondition: {} }),
    build: (values) => ({
      method: 'POST',
      path: '/sources',
      body: {
        publisher: values.publisher,
        title: values.title,
        url: optional(values.url),
        publishedAt: values.publishedAt,
        retrievedAt: optional(values.retrievedAt),
        origin: values.origin,
        tier: values.tier === '' ? undefined : Number(values.tier),
        snapshotText: values.snapshotText.trim() === '' ? undefined : values.snapshotText,
      },
    }),
    staleText: 'The ledger changed since you opened the form.',
    done: async (result) => {
      location.hash = `#/sources/${encodeURIComponent(result.data.id)}`
      return `Source registered at ledger position ${result.data.position ?? '?'}.`
    },
  })
}

export function defineFact() {
  return openActionDialog({
    draftKey: 'define-fact',
    title: 'Define a fact',
    intro: 'A fact is one question with one answer, worked out from the claims filed under it. Ask it precisely enough that two figures for it can be compared.',
    submitLabel: 'Define fact',
    fields: [
      { name: 'question', label: 'Question', path: 'question', type: 'textarea', required: true, help: 'e.g. “How many officials did the U.S. Treasury sanction on 27 November 2024?”' },
      { name: 'subject', label: 'Subject', path: 'subject', required: true, help: 'What the figure is about, in a few words: “Venezuelan officials sanctioned”' },
      { name: 'unit', label: 'Unit', path: 'unit', required: true, help: 'e.g. “persons”, “USD”' },
      { name: 'kind', label: 'Kind of figure', path: 'kind', type: 'select', options: kindOptions, required: true },
      { name: 'timeVarying', label: 'Does the figure change over time?', path: 'timeVarying', type: 'select', options: [['no', 'No: one answer'], ['yes', 'Yes: a running figure, like a death toll']], help: 'For a running figure, values true on different dates are a history, not a conflict.' },
    ],
    load: async () => ({ ok: true, values: { question: '', subject: '', unit: '', kind: 'count', timeVarying: 'no' }, precondition: {} }),
    build: (values) => ({
      method: 'POST',
      path: '/facts',
      body: { question: values.question.trim(), subject: values.subject, unit: values.unit, kind: values.kind, timeVarying: values.timeVarying === 'yes' },
    }),
    staleText: 'The ledger changed since you opened the form.',
    done: async (result) => {
      location.hash = `#/facts/${encodeURIComponent(result.data.id)}`
      return `Fact defined at ledger position ${result.data.position ?? '?'}.`
    },
  })
}
