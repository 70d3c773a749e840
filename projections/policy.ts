import type { DecodedEvent } from './decoded-event.js'
import type { Policy } from './model.js'
import { reducerBug } from './reducer-errors.js'

/**
 * Fold a PolicyAdopted event into the policy in force. The event carries the
 * "about" tolerance; the "nearly" reach is not (yet) part of the event, so it
 * carries over from the policy before.
 */
export function evolvePolicy(policy: Policy, event: DecodedEvent): Policy {
  if (event.type !== 'PolicyAdopted') throw reducerBug('policy', event, 'not a policy event')
  return { ...policy, version: event.data.policyVersion, aboutTolerance: event.data.aboutTolerance }
}
