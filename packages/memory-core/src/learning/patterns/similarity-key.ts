import type { PatternContent } from '../../domain/pattern.js';
import { normalizeText } from './normalize-text.js';

/**
 * The identity of a pattern within a namespace: type + normalised content + domain. Two contributions with the
 * same key are the same pattern, and storage merges them (counts add) instead of creating a copy.
 */
export function patternSimilarityKey(content: PatternContent, domain: string): string {
  return `${content.type}|${normalizeText(domain)}|${contentKey(content, normalizeText)}`;
}

/**
 * `patternSimilarityKey` for the many contents of one episode: the domain is normalised once, and texts that
 * recur within the episode (the same action logged again) once each.
 */
export function similarityKeysIn(domain: string): (content: PatternContent) => string {
  const normalized = new Map<string, string>();
  const normalize = (text: string) => {
    let result = normalized.get(text);
    if (result === undefined) {
      result = normalizeText(text);
      normalized.set(text, result);
    }
    return result;
  };
  const domainKey = normalize(domain);
  return (content) => `${content.type}|${domainKey}|${contentKey(content, normalize)}`;
}

function contentKey(content: PatternContent, normalize: (text: string) => string): string {
  switch (content.type) {
    case 'tool_sequence':
      return toolKey(content.tools);
    case 'decision_point':
      return `${normalize(content.condition)}=>${normalize(content.action)}`;
    case 'error_recovery':
      return `${normalize(content.errorType)}=>${toolKey(content.recoverySteps)}`;
    case 'context_pattern':
      return `${content.contextFeatures.map((feature) => feature.toLowerCase()).join(',')}=>${normalize(content.recommendedApproach)}`;
  }
}

function toolKey(tools: readonly string[]): string {
  return tools.map((tool) => tool.trim().toLowerCase()).join('>');
}
