/** Sent to clients on initialize; many hosts put it in the model's system prompt. */
export const SERVER_INSTRUCTIONS = [
  'A self-learning memory of past tasks. Use it on every non-trivial task:',
  '1. Before starting, call query_memory with the task to see similar past work, lessons, warnings and a playbook.',
  '2. Call create_episode (keep episode_id), then recommend_playbook with episode_id for a plan and a session_id.',
  '3. After each significant tool call, call add_episode_step with step_number 1, 2, 3, …',
  '4. At the end, call complete_episode with an honest outcome_type and a verdict or reason.',
  '5. Then call record_recommendation_feedback with the session_id: which patterns you applied and how it went.',
  'Errors come back as tool results explaining how to fix the call.',
].join('\n');
