/** Every tool the server registers, with the original's names so existing prompts keep working. */
export const TOOL_NAMES = [
  'create_episode',
  'add_episode_step',
  'complete_episode',
  'get_episode',
  'list_episodes',
  'delete_episode',
  'update_episode',
  'query_memory',
  'search_patterns',
  'recommend_patterns',
  'recommend_playbook',
  'explain_pattern',
  'record_recommendation_feedback',
  'get_recommendation_stats',
  'checkpoint_episode',
  'get_handoff_pack',
  'resume_from_handoff',
  'add_episode_tags',
  'remove_episode_tags',
  'search_episodes_by_tags',
  'add_episode_relationship',
  'get_episode_relationships',
  'health_check',
  'get_metrics',
] as const;

export type ToolName = (typeof TOOL_NAMES)[number];
