/**
 * The whole episode lifecycle in a dozen lines: start, log steps, complete, and see what the memory learned.
 * Three similar episodes merge into one tool-sequence pattern with three occurrences.
 *
 *   pnpm --filter @slm/examples lifecycle
 */
import { createMemory, describePattern } from '@slm/memory-core';
import { createInMemoryStorage } from '@slm/memory-core/testing';

const memory = await createMemory({ storage: createInMemoryStorage() });

for (const issue of ['login 500 error', 'signup 500 error', 'password reset 500 error']) {
  const episode = await memory.startEpisode({
    taskDescription: `Fix the ${issue} in the auth service`,
    taskType: 'debugging',
    context: { domain: 'web-api', language: 'typescript', tags: ['auth'] },
  });
  await memory.logSteps(episode.id, [
    {
      stepNumber: 1,
      tool: 'read_logs',
      action: 'Read the service logs',
      result: { type: 'success' },
      latencyMs: 40,
    },
    {
      stepNumber: 2,
      tool: 'run_tests',
      action: 'Run the failing test',
      result: { type: 'error', message: 'expected 200, got 500' },
      latencyMs: 900,
    },
    {
      stepNumber: 3,
      tool: 'edit_file',
      action: 'Check the null session before use',
      result: { type: 'success' },
      latencyMs: 30,
    },
    {
      stepNumber: 4,
      tool: 'run_tests',
      action: 'Run the test suite again',
      result: { type: 'success' },
      latencyMs: 850,
    },
  ]);
  const done = await memory.completeEpisode(episode.id, {
    type: 'success',
    verdict: `${issue} fixed`,
    artifacts: ['src/auth/session.ts', 'test/auth.test.ts'],
  });
  console.log(`\n${done.taskDescription}`);
  console.log(`  reward ${done.reward?.total.toFixed(2)}, quality ${done.quality?.score.toFixed(2)}`);
  console.log(`  reflection: ${done.reflection?.insights[0] ?? done.reflection?.successes[0]}`);
  console.log(`  patterns ${done.patternIds.length}, heuristics ${done.heuristicIds.length}`);
}

console.log('\nWhat the memory knows now:');
for (const pattern of (await memory.listPatterns({ types: ['tool_sequence'] })).items) {
  console.log(
    `  ${describePattern(pattern)} — ${pattern.stats.occurrences} occurrences, ${pattern.stats.successes} successes`,
  );
}
for (const heuristic of (await memory.listHeuristics()).items) {
  console.log(
    `  ${heuristic.condition} → ${heuristic.action} (confidence ${heuristic.confidence.toFixed(2)})`,
  );
}

const context = await memory.retrieveContext({
  query: 'The profile page returns a 500 error',
  context: { domain: 'web-api' },
});
console.log(`\nBefore the next task: ${context.episodes.length} episodes, playbook:`);
for (const step of context.playbook?.steps ?? []) console.log(`  ${step.order}. ${step.action}`);
await memory.close();
