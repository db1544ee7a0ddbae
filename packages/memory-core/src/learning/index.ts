/** The learning pipeline: pure functions from an episode to what it teaches. */
export * from './effectiveness.js';
export { extractHeuristics, heuristicKey } from './heuristics.js';
export * from './patterns/index.js';
export { assessQuality } from './quality.js';
export { createRuleBasedReflector, type Reflector, ruleBasedReflection } from './reflection.js';
export { computeReward } from './reward.js';
export { extractSalientFeatures } from './salient-features.js';
export { wilsonLowerBound } from './wilson.js';
