/** Expected ways a proof request can fail: values, not exceptions (mapped to 404/400 at the HTTP edge). */
export type ProofError =
  | { code: 'PositionNotFound'; position: bigint }
  /** The requested tree size is not a size the log has had (or cannot contain the leaf). */
  | { code: 'TreeSizeOutOfRange'; treeSize: number; size: number }
  /** fromSize/toSize are not integers with 0 <= fromSize <= toSize. */
  | { code: 'InvalidTreeSizes'; fromSize: number; toSize: number }
