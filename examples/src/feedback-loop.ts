/**
 * Recommendations learn from feedback: two procedures are known for deploying the app; the agent keeps
 * applying the first one and failing, the second one works — and the ranking follows what happened.
 *
 *   pnpm --filter @slm/examples feedback
 */
import { createMemory, describePattern, type SelfLearningMemory } from '@slm/memory-core';
import { createInMemoryStorage } from '@slm/memory-core/testing';

const memory = await createMemory({ storage: createInMemoryStorage() });
const context = { domain: 'deployment' };

async function record(description: string, tools: string[]): Promise<void> {
  const episode = await memory.startEpisode({ taskDescription: description, taskType: 'other', context });
  await memory.logSteps(
    episode.id,
    tools.map((tool, index) => ({
      stepNumber: index + 1,
      tool,
      action: `run ${tool}`,
      result: { type: 'success' },
    })),
  );
  await memory.completeEpisode(episode.id, { type: 'success', verdict: 'deployed', artifacts: [] });
}

await record('Deploy the web app to production', ['build_image', 'deploy_over_ssh']);
await record('Deploy the web app to staging', ['build_image', 'deploy_over_ssh']);
await record('Deploy the API to production', ['build_image', 'deploy_to_kubernetes']);

const query = 'Deploy the web app to production';
const sequences = (memory: SelfLearningMemory, episodeId?: string) =>
  memory.recommendPatterns({
    query,
    context,
    types: ['tool_sequence'],
    limit: 2,
    ...(episodeId ? { episodeId } : {}),
  });

async function show(title: string): Promise<void> {
  console.log(`\n${title}`);
  for (const [rank, { pattern, score }] of (await sequences(memory)).patterns.entries()) {
    const { timesApplied, successWhenApplied } = pattern.effectiveness;
    console.log(
      `  ${rank + 1}. ${describePattern(pattern)}  score ${score.toFixed(3)}  applied ${timesApplied}, succeeded ${successWhenApplied}`,
    );
  }
}

await show('Before feedback:');
for (let attempt = 0; attempt < 4; attempt++) {
  const task = await memory.startEpisode({ taskDescription: query, taskType: 'other', context });
  const { sessionId, patterns } = await sequences(memory, task.id);
  // The agent tries whichever procedure it has not seen fail yet; SSH deploys fail, Kubernetes works.
  const chosen =
    patterns.find(({ pattern }) => pattern.effectiveness.failureWhenApplied === 0) ?? patterns[0]!;
  const viaSsh = chosen.pattern.type === 'tool_sequence' && chosen.pattern.tools.includes('deploy_over_ssh');
  await memory.recordFeedback(sessionId!, {
    appliedPatternIds: [chosen.pattern.id],
    outcome: viaSsh
      ? { type: 'failure', reason: 'ssh host key rejected' }
      : { type: 'success', verdict: 'deployed', artifacts: [] },
  });
}
await show('After four rounds of feedback:');
console.log('\n', await memory.recommendationStats());
await memory.close();
