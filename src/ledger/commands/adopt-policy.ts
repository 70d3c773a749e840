import { defaultPolicy, type Policy } from '../../../projections/model.js'
import { evolvePolicy } from '../../../projections/policy.js'
import { defineCommand } from '../command.js'
import type { Entity } from '../entity.js'
import { AdoptPolicyInput } from '../inputs.js'

/** The one stream that holds the reconciliation policy's versions. */
export const policyStream = 'policy-reconciliation'

/** A new policy version becomes current (the current one plus one); every fact view is recomputed under it. */
export const adoptPolicy = defineCommand({
  role: 'admin',
  body: AdoptPolicyInput,
  command: (body) => body,
  target: () => ({ stream: policyStream, entityId: policyStream }),
  state: async (read): Promise<{ policy: Entity<Policy> }> => ({ policy: await read(policyStream, (doc, event) => evolvePolicy(doc ?? defaultPolicy, event)) }),
  decide: ({ policy }, command) => ({ type: 'PolicyAdopted', data: { policyVersion: (policy.doc ?? defaultPolicy).version + 1, ...command } }),
})
