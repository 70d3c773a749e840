import type { FastifySerializerCompiler } from 'fastify'
import { serializerCompiler } from 'fastify-type-provider-zod'

const HTML_SIGNIFICANT = /[<>&\u2028\u2029]/g
const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`

/**
 * The zod serializer, with <, >, & and the JS line separators written as
 * \u escapes. They can only occur inside JSON strings, so the JSON means
 * exactly the same; but a quote such as "<script>" stored verbatim can
 * never be read as markup by anything that mistakes the response for HTML.
 */
export const htmlSafeSerializerCompiler: FastifySerializerCompiler<unknown> = (route) => {
  const serialize = serializerCompiler(route as Parameters<typeof serializerCompiler>[0])
  return (data) => htmlSafe(serialize(data))
}

/** The same escaping for replies without a response schema (the not-found handler, the OpenAPI document). */
export const htmlSafeStringify = (payload: unknown): string => htmlSafe(JSON.stringify(payload))

/** The escaping alone, for JSON text that is already serialized. */
export const htmlSafe = (json: string): string => json.replace(HTML_SIGNIFICANT, escape)
