/** Every read-model table, emptied by a reset (migrations 002 and 004 create them). */
export const READ_MODEL_TABLES = [
  'rm_sources',
  'rm_facts',
  'rm_claims',
  'rm_fact_views',
  'rm_fact_view_history',
  'rm_fact_events',
  'rm_policy',
  'rm_policy_history',
  'rm_checkpoint',
] as const
