import { z } from 'zod'

/** Where a bad value was found: the JSON body, the query string, a path parameter or a header. */
export const FieldLocation = z.enum(['body', 'query', 'params', 'headers'])
export type FieldLocation = z.infer<typeof FieldLocation>

export const FieldError = z.object({
  path: z.string().describe('dot-separated path of the field within its location, e.g. "citation.quote"; empty for the whole body'),
  location: FieldLocation,
  message: z.string(),
})
export type FieldError = z.infer<typeof FieldError>

/** RFC 9457 problem details, with the ledger's error code and, for validation, every bad field. */
export const Problem = z
  .object({
    type: z.string().describe('a URI naming the kind of problem'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().describe('stable machine-readable code, e.g. ValidationFailed, WrongExpectedRevision'),
    instance: z.string().optional().describe('the request path'),
    requestId: z.string().optional().describe('also in the x-request-id response header; quote it when reporting a problem'),
    errors: z.array(FieldError).optional(),
    currentRevision: z.string().nullable().optional().describe('on 409 WrongExpectedRevision: the stream revision to send as If-Match after reloading (null: the stream does not exist)'),
  })
  .meta({ id: 'Problem' })
export type Problem = z.infer<typeof Problem>
