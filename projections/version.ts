/**
 * Version of everything the projections compute (reducers and reconciliation).
 * Bump it whenever their output changes for the same events: the runner
 * compares it with the checkpoint's and rebuilds the read model on a change.
 * The major number is the default reconciliation policy's version (model.ts).
 */
export const projectionVersion = 'facts-v2.1'
