/** Every read-model table, emptied by a reset (migrations 002, 004 and the fact snapshots migration create them). */
export const READ_MODEL_TABLES = [
  'rm_sources',
  'rm_facts',
  'rm_claims',
  'rm_fact_views',
  'rm_fact_view_history',
  'rm_fact_events',
  'rm_fact_snapshots',
  'rm_policy',
  'rm_policy_history',
  'rm_checkpoint',
] as const
