/**
 * An agent using the memory over HTTP: it records what it did, asks for a playbook before each new task,
 * follows it, and reports back — and the memory's advice changes with what happened. Start the service first
 * (`pnpm start`), then:
 *
 *   pnpm --filter @slm/examples http-agent            # MEMORY_URL (default http://127.0.0.1:8080), MEMORY_API_KEY
 */
const baseUrl = process.env['MEMORY_URL'] ?? 'http://127.0.0.1:8080';
const apiKey = process.env['MEMORY_API_KEY'];
const context = { domain: `deployment-${Date.now().toString(36)}` }; // a fresh domain: reruns start clean

interface Playbook {
  id: string;
  confidence: number;
  steps: Array<{ toolHint?: string; action: string }>;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

/** One task done by the agent: start, one step per tool, complete with the outcome. */
async function work(taskDescription: string, tools: string[], failed: boolean): Promise<void> {
  const { episode } = await call<{ episode: { id: string } }>('POST', '/v1/episodes', {
    taskDescription,
    taskType: 'other',
    context,
  });
  await runSteps(episode.id, tools, failed);
}

async function runSteps(episodeId: string, tools: string[], failed: boolean): Promise<void> {
  await call('POST', `/v1/episodes/${episodeId}/steps`, {
    steps: tools.map((tool, index) => ({
      stepNumber: index + 1,
      tool,
      action: `run ${tool}`,
      result:
        failed && index === tools.length - 1
          ? { type: 'error', message: 'ssh host key rejected' }
          : { type: 'success' },
    })),
  });
  await call('POST', `/v1/episodes/${episodeId}/complete`, {
    outcome: failed
      ? { type: 'failure', reason: 'ssh host key rejected' }
      : { type: 'success', verdict: 'deployed', artifacts: [] },
  });
}

const toolsOf = (playbook: Playbook) =>
  playbook.steps.flatMap((step) => (step.toolHint ? [step.toolHint] : []));

// What the memory has seen so far: SSH deploys worked twice, Kubernetes once.
await work('Deploy the web app to production', ['build_image', 'deploy_over_ssh'], false);
await work('Deploy the web app to staging', ['build_image', 'deploy_over_ssh'], false);
await work('Deploy the API to production', ['build_image', 'deploy_to_kubernetes'], false);

const task = 'Deploy the web app to production';
for (let round = 1; round <= 4; round++) {
  const { episode } = await call<{ episode: { id: string } }>('POST', '/v1/episodes', {
    taskDescription: task,
    taskType: 'other',
    context,
  });
  const { sessionId, playbooks } = await call<{ sessionId: string; playbooks: Playbook[] }>(
    'POST',
    '/v1/playbooks/recommend',
    { taskDescription: task, context, episodeId: episode.id, maxPlaybooks: 2 },
  );
  console.log(`round ${round}: ${playbooks.map((playbook) => toolsOf(playbook).join(' → ')).join('  |  ')}`);
  // The agent follows the top playbook. The SSH host key changed, so SSH deploys now fail.
  const chosen = playbooks[0];
  if (!chosen) throw new Error('no playbook recommended');
  const tools = toolsOf(chosen);
  const failed = tools.includes('deploy_over_ssh');
  await runSteps(episode.id, tools, failed);
  await call('POST', '/v1/feedback', {
    sessionId,
    appliedPlaybookIds: [chosen.id],
    outcome: failed
      ? { type: 'failure', reason: 'ssh host key rejected' }
      : { type: 'success', verdict: 'deployed', artifacts: [] },
  });
  console.log(`  followed ${tools.join(' → ')}: ${failed ? 'failed' : 'succeeded'}`);
}
const { stats } = await call<{ stats: { recommendations: unknown } }>('GET', '/v1/stats');
console.log('recommendations:', JSON.stringify(stats.recommendations));
