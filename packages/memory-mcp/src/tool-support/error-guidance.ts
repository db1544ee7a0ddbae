import type { ErrorCode } from '@slm/memory-core';

export interface ErrorGuidance {
  /** What went wrong, in a few words. */
  title: string;
  /** What the agent should do next. */
  hint: string;
  /** True when the same call may succeed later without changes. */
  retryable: boolean;
}

/** How every MemoryError code reads in a tool result. A `Record` so the compiler flags a new code. */
export const ERROR_GUIDANCE: Record<ErrorCode, ErrorGuidance> = {
  CONFIG_INVALID: {
    title: 'the memory server is misconfigured',
    hint: 'This is not caused by the arguments; tell the operator (see the server log).',
    retryable: false,
  },
  VALIDATION_FAILED: {
    title: 'invalid arguments',
    hint: "Fix the named argument (see the tool's input schema) and call again.",
    retryable: false,
  },
  NOT_FOUND: {
    title: 'not found',
    hint:
      'Check the id: ids come from earlier results (create_episode, list_episodes, search_episodes_by_tags, ' +
      'search_patterns, checkpoint_episode, recommend_playbook) and are only visible in the namespace that made them.',
    retryable: false,
  },
  CONFLICT: {
    title: 'conflicts with the current state',
    hint:
      'Read the record again (get_episode) before retrying. A completed episode takes no more steps and keeps its ' +
      'outcome: start a new episode with create_episode for new work.',
    retryable: false,
  },
  UNAUTHORIZED: {
    title: 'not authenticated',
    hint: 'The connection lacks valid credentials; this is a client configuration problem.',
    retryable: false,
  },
  FORBIDDEN: {
    title: 'not allowed',
    hint: 'These credentials may not do this; use a tool that works within your namespace.',
    retryable: false,
  },
  RATE_LIMITED: {
    title: 'too many requests',
    hint: 'Wait a few seconds and call again.',
    retryable: true,
  },
  STORAGE_FAILED: {
    title: 'the store failed',
    hint: 'Retry in a moment; if it keeps failing, call health_check and report the result.',
    retryable: true,
  },
  CACHE_FAILED: {
    title: 'the cache failed',
    hint: 'Retry in a moment; if it keeps failing, call health_check and report the result.',
    retryable: true,
  },
  UNAVAILABLE: {
    title: 'the memory is unavailable',
    hint: 'It is overloaded or shutting down; retry later.',
    retryable: true,
  },
};
