/**
 * A JSON object whose members are themselves objects (PROV-JSON's shape:
 * entity, agent, activity, each relation kind keyed by id), serialized one
 * record at a time. Sent as a stream, the response never exists as one
 * string, however many claims the fact has. Parses to what JSON.stringify
 * of the object gives.
 */
export function* jsonChunks(doc: Readonly<Record<string, Readonly<Record<string, unknown>>>>): Generator<string> {
  let firstMember = true
  for (const [name, records] of Object.entries(doc)) {
    yield `${firstMember ? '{' : ','}${JSON.stringify(name)}:{`
    firstMember = false
    let firstRecord = true
    for (const [id, record] of Object.entries(records)) {
      yield `${firstRecord ? '' : ','}${JSON.stringify(id)}:${JSON.stringify(record)}`
      firstRecord = false
    }
    yield '}'
  }
  yield firstMember ? '{}' : '}'
}
