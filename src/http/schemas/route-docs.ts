import { Problem } from './problem.js'

const asProblem = (description: string) => ({ description, content: { 'application/problem+json': { schema: Problem } } })

/** Error responses every route may give, documented once. */
export const problemResponses = {
  '4xx': asProblem('client error (RFC 9457 problem details)'),
  '5xx': asProblem('server error (RFC 9457 problem details)'),
}

/** Writes: the API key scheme declared in the OpenAPI document. */
export const bearerAuth = [{ bearerAuth: [] }]
