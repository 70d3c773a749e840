import t from 'tap'
import { closeTestApi, createTestApi } from './harness.js'

/** A JSON Schema node of the OpenAPI document, as far as this walk needs it. */
interface Schema {
  $ref?: string
  description?: string
  examples?: unknown[]
  properties?: Record<string, Schema>
  items?: Schema
  anyOf?: Schema[]
  oneOf?: Schema[]
  allOf?: Schema[]
}
interface Doc {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>>
  components: { schemas: Record<string, Schema> }
}

const api = await createTestApi()
t.teardown(() => closeTestApi(api))
const doc = (await api.app.inject({ url: '/openapi.json' })).json() as Doc
const resolve = (s: Schema): Schema => (s.$ref ? resolve(doc.components.schemas[s.$ref.split('/').pop()!]!) : s)

/** Every property of a request body, nested ones too (through unions, arrays and $refs), with its path. */
function properties(schema: Schema, path: string, out: Array<{ path: string; schema: Schema }>): typeof out {
  const s = resolve(schema)
  for (const branch of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) properties(branch, path, out)
  if (s.items) properties(s.items, `${path}[]`, out)
  for (const [name, property] of Object.entries(s.properties ?? {})) {
    out.push({ path: `${path}.${name}`, schema: property })
    properties(property, `${path}.${name}`, out)
  }
  return out
}

const writes = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops)
    .filter(([method, op]) => method !== 'get' && op.requestBody)
    .map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, fields: properties(op.requestBody!.content['application/json']!.schema, '', []) })),
)
const fieldOf = (route: string, path: string) => writes.find((w) => w.route === route)!.fields.find((f) => f.path === path)!.schema

t.test('every request field of every write route has a description and an example in the OpenAPI document', async (t) => {
  t.ok(writes.length >= 13, `the write routes are found (${writes.length})`)
  const missing = writes.flatMap(({ route, fields }) =>
    fields.flatMap(({ path, schema }) => {
      const s = { ...resolve(schema), ...schema }
      const lacks = [!s.description && 'description', !(s.examples && s.examples.length > 0) && 'example'].filter(Boolean)
      return lacks.length > 0 ? [`${route} ${path}: no ${lacks.join(' and no ')}`] : []
    }),
  )
  t.same(missing, [])
})

t.test('the fields a newcomer cannot guess say what they mean', async (t) => {
  t.match(fieldOf('POST /sources', '.origin').description, /newsroom or body whose reporting this is.*reprint.*one origin/)
  t.match(fieldOf('POST /sources', '.tier').description, /1 is strongest/)
  t.match(fieldOf('POST /claims', '.via').description, /relayed the statement/)
  t.match(fieldOf('POST /claims', '.modality').description, /official.*reported.*estimate.*planned.*allegation/)
  t.match(fieldOf('POST /claims', '.validAt').description, /true in the world.*not when it was published/)
  t.match(fieldOf('POST /claims', '.reading').description, /editor's reading.*with the reason/)
  t.match(fieldOf('POST /claims/{id}/retractions', '.sourceRevision').description, /source's own published correction.*publication clock/)
  t.match(fieldOf('POST /claims/{id}/corrections', '.effectiveAt').description, /when the source's correction became public/)
  t.same(fieldOf('POST /sources', '.tier').examples, [2])
})
