/**
 * Version of everything the projections compute (reducers and reconciliation).
 * Bump it whenever their output changes for the same events: the runner
 * compares it with the checkpoint's and rebuilds the read model on a change.
 */
export const projectionVersion = 'facts-v1.4'
