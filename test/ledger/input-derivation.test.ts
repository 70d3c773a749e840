import t from 'tap'
import { z } from 'zod'
import { ClaimChangeFields, ClaimCorrectedV2, ClaimRecordedV3 } from '../../events/claim-events.js'
import { FactDefinedV1, PolicyAdoptedV1 } from '../../events/fact-events.js'
import { SourceRegisteredV1, SourceRetractedV1, SourceRevisedV1 } from '../../events/source-events.js'
import { inputOf } from '../../src/ledger/input-fields.js'
import {
  AdoptPolicyInput,
  CorrectClaimInput,
  DefineFactInput,
  RecordClaimInput,
  RegisterSourceInput,
  RetractSourceInput,
  ReviseSourceInput,
} from '../../src/ledger/inputs.js'

/**
 * Input schemas are derived from the event schemas they become (#16): every
 * event field is an input field unless the ledger works it out itself.
 * inputOf enforces this when the code compiles; these cases check the
 * result at run time, and that the two share their rules.
 */
const derived: [string, z.ZodObject, z.ZodObject, string[]][] = [
  ['RegisterSource', SourceRegisteredV1, RegisterSourceInput, ['snapshot']],
  ['ReviseSource', SourceRevisedV1, ReviseSourceInput, ['sourceId', 'snapshot']],
  ['RetractSource', SourceRetractedV1, RetractSourceInput, ['sourceId']],
  ['DefineFact', FactDefinedV1, DefineFactInput, []],
  ['RecordClaim', ClaimRecordedV3, RecordClaimInput, []],
  ['AdoptPolicy', PolicyAdoptedV1, AdoptPolicyInput, ['policyVersion']],
]

for (const [command, event, input, computed] of derived) {
  t.test(`${command}'s input has every field of its event but those the ledger computes (${computed.join(', ') || 'none'})`, async (t) => {
    const missing = Object.keys(event.shape).filter((k) => !computed.includes(k) && !(k in input.shape))
    t.same(missing, [])
  })
}

t.test('a correction changes the same fields the ClaimCorrected event can change, checked by the same rule', async (t) => {
  t.same(Object.keys(CorrectClaimInput.shape.changes.shape).sort(), Object.keys(ClaimChangeFields.shape).sort())
  const input = CorrectClaimInput.safeParse({ reason: 'typo', changes: { value: undefined } })
  const event = ClaimCorrectedV2.safeParse({ claimId: '01936d7e-1600-7000-8000-c1a100000001', reason: 'typo', changes: {} })
  t.equal(input.success, false)
  t.equal(event.success, false)
  t.equal(input.error?.issues[0]?.message, 'at least one field must change')
  t.equal(input.error?.issues[0]?.message, event.error?.issues[0]?.message)
  t.same(input.error?.issues[0]?.path, ['changes'])
})

t.test('names derived from the event refuse what the event allows but an editor never means: only whitespace', async (t) => {
  const blank = DefineFactInput.safeParse({ question: 'How many homes lost power?', subject: '   ', unit: 'homes', kind: 'count' })
  t.equal(blank.success, false)
  t.same(blank.error?.issues.map((i) => [i.path.join('.'), i.message]), [['subject', 'must not be blank']])
  const padded = DefineFactInput.parse({ question: 'How many homes lost power?', subject: '  Storm Ilse ', unit: 'homes', kind: 'count' })
  t.equal(padded.subject, 'Storm Ilse')
})

t.test('inputOf refuses, at compile time, an input that forgets an event field', async (t) => {
  const Event = z.object({ a: z.string(), b: z.number(), computed: z.string() })
  // @ts-expect-error b is an event field the input neither states nor names as computed
  const incomplete = inputOf(Event, ['computed'], { a: z.string() })
  const complete = inputOf(Event, ['computed'], { a: z.string(), b: z.number() })
  t.same(Object.keys(incomplete), ['a'])
  t.same(Object.keys(complete), ['a', 'b'])
})
