import type { Pattern } from '@slm/memory-core';

/** What a pattern says, in one line: the tools in order, the rule, the recovery or the approach. */
export function describePattern(pattern: Pattern): string {
  switch (pattern.type) {
    case 'tool_sequence':
      return pattern.tools.join(' → ');
    case 'decision_point':
      return `${pattern.condition} → ${pattern.action}`;
    case 'error_recovery':
      return `${pattern.errorType}: ${pattern.recoverySteps.join(' → ')}`;
    case 'context_pattern':
      return `${pattern.contextFeatures.join(', ')} → ${pattern.recommendedApproach}`;
  }
}

/** Successes over occurrences (0 when never seen). */
export function patternSuccessRate(pattern: Pattern): number {
  return pattern.stats.occurrences === 0 ? 0 : pattern.stats.successes / pattern.stats.occurrences;
}
