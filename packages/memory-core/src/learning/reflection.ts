import type { Episode } from '../domain/episode.js';
import type { Reflection, SalientFeatures } from '../domain/learning-records.js';
import { LIMITS } from '../domain/limits.js';
import { displayText } from './display-text.js';
import { reflectImprovements } from './reflection-improvements.js';
import { reflectInsights } from './reflection-insights.js';
import { reflectSuccesses } from './reflection-successes.js';

const MAX_ITEM_CHARS = 300;

/**
 * Writes the reflection of a completed episode. The rule-based reflector is the default and needs no network;
 * an LLM-backed one can be plugged in through `createMemory({ reflector })`. Contract: at most five items per
 * list; the episode carries its outcome, reward and salient features; a rejection fails the completion before
 * anything is stored, so implementations should fall back to `ruleBasedReflection` rather than throw.
 */
export interface Reflector {
  reflect(episode: Episode, features: SalientFeatures): Promise<Reflection>;
}

/**
 * The rule-based reflection (domain.md, Reflection): successes, improvements and insights from templates, at
 * most five each, every item cut to 300 characters. `generatedAt` defaults to the episode's end (so it follows
 * the memory's clock), or now for an open episode.
 */
export function ruleBasedReflection(episode: Episode, features: SalientFeatures, at?: string): Reflection {
  return {
    successes: bounded(reflectSuccesses(episode, features)),
    improvements: bounded(reflectImprovements(episode)),
    insights: bounded(reflectInsights(episode, features)),
    generatedAt: at ?? episode.endedAt ?? new Date().toISOString(),
  };
}

export function createRuleBasedReflector(): Reflector {
  return {
    reflect: async (episode, features) => ruleBasedReflection(episode, features),
  };
}

function bounded(items: readonly string[]): string[] {
  return items.slice(0, LIMITS.reflectionItems).map((item) => displayText(item, MAX_ITEM_CHARS));
}
