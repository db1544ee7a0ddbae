import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../src/cli/data-dir.js';
import { readJsonFile } from '../src/dataset/json-file.js';
import { leaveOneTrialOut } from '../src/dataset/leave-one-out.js';
import { renderAction } from '../src/dataset/render-action.js';
import { CV_FOLDS, loadTauBench } from '../src/dataset/tau-bench.js';
import { runEpisode, runQuery, stepResult, taskEpisode, taskQuery } from '../src/dataset/tau-episodes.js';
import { isReadOnlyTool, procedureSignature } from '../src/dataset/tau-procedure.js';
import { parseTauRuns, type TauRun } from '../src/dataset/tau-runs.js';
import { parseTauTasks } from '../src/dataset/tau-tasks.js';

const SAMPLE = new URL('./fixtures/tau-bench-sample', import.meta.url).pathname;

const TASKS = [
  {
    annotator: 'synthetic',
    user_id: 'omar_3203',
    instruction: 'Return #W1 via credit_card_1: Electric Kettle',
    actions: [
      { name: 'find_user_id_by_name_zip', kwargs: { first_name: 'Omar', zip: '19031' } },
      { name: 'return_delivered_order_items', kwargs: { order_id: '#W1', item_ids: ['9624127908'] } },
      { name: 'think', kwargs: { thought: 'done' } },
    ],
    outputs: [],
  },
];

const RUN = {
  task_id: 7,
  trial: 2,
  reward: 0,
  info: { task: {} },
  traj: [
    { role: 'system', content: 'policy' },
    { role: 'user', content: 'Hi, I want to cancel my trip.' },
    { role: 'assistant', content: 'Your user id?' },
    { role: 'user', content: 'mia_li' },
    {
      role: 'assistant',
      content: null,
      tool_calls: [
        {
          id: 'c1',
          type: 'function',
          function: { name: 'get_user_details', arguments: '{"user_id":"mia_li"}' },
        },
      ],
    },
    { role: 'tool', tool_call_id: 'c1', name: 'get_user_details', content: '{"name": "Mia"}' },
    {
      role: 'assistant',
      content: null,
      tool_calls: [
        {
          id: 'c2',
          type: 'function',
          function: { name: 'cancel_reservation', arguments: '{"reservation_id":"X1"}' },
        },
      ],
    },
    { role: 'tool', tool_call_id: 'c2', name: 'cancel_reservation', content: 'Error: reservation not found' },
  ],
};

describe('task loader', () => {
  it('parses tasks and maps one to a successful episode and a query', () => {
    const [task] = parseTauTasks(TASKS, 'inline');
    expect(task!.actions.map((action) => action.name)).toEqual([
      'find_user_id_by_name_zip',
      'return_delivered_order_items',
      'think',
    ]);
    const stored = taskEpisode(task!, 'train-0', 'retail');
    expect(stored.group).toBe('return_delivered_order_items');
    expect(stored.start).toEqual({
      taskDescription: TASKS[0]!.instruction,
      taskType: 'other',
      context: { domain: 'retail' },
    });
    expect(stored.steps[1]).toEqual({
      stepNumber: 2,
      tool: 'return_delivered_order_items',
      action: 'return_delivered_order_items(order_id=#W1, item_ids=["9624127908"])',
      parameters: { order_id: '#W1', item_ids: ['9624127908'] },
      result: { type: 'success' },
    });
    expect(stored.outcome).toEqual({ type: 'success' });
    expect(taskQuery(task!, 'test-0', 'retail')).toEqual({
      key: 'test-0',
      group: 'return_delivered_order_items',
      text: TASKS[0]!.instruction,
      context: { domain: 'retail' },
    });
  });

  it('rejects malformed task files with the place named', () => {
    expect(() => parseTauTasks({}, 'f.json')).toThrow('f.json: expected an array');
    expect(() => parseTauTasks([{ instruction: '', actions: [] }], 'f.json')).toThrow(
      'f.json[0].instruction',
    );
    expect(() => parseTauTasks([{ instruction: 'x', actions: [{}] }], 'f.json')).toThrow(
      'f.json[0].actions[0]',
    );
  });
});

describe('procedure classes', () => {
  it('read-only tools follow the dataset README', () => {
    expect(['find_x', 'get_x', 'list_x', 'calculate', 'think'].every(isReadOnlyTool)).toBe(true);
    expect(isReadOnlyTool('cancel_pending_order')).toBe(false);
    expect(isReadOnlyTool('thinking')).toBe(false);
  });

  it('a signature is the sorted set of state-changing tools', () => {
    expect(procedureSignature(['modify_b', 'get_x', 'cancel_a', 'modify_b'])).toBe('cancel_a+modify_b');
    expect(procedureSignature(['get_x', 'think'])).toBe('');
  });

  it('renders actions short', () => {
    expect(renderAction('f', { a: 1, b: 'x'.repeat(200) }).length).toBeLessThanOrEqual(300);
    expect(renderAction('f', { a: 1, b: 'x'.repeat(200) })).toMatch(/^f\(a=1, b=x+…\)$/);
  });
});

describe('run loader', () => {
  it('reads the first user message and the tool calls with their answers', () => {
    const [run] = parseTauRuns([RUN], 'inline');
    expect(run).toMatchObject({
      taskId: 7,
      trial: 2,
      reward: 0,
      firstUserMessage: 'Hi, I want to cancel my trip.',
    });
    expect(run!.toolCalls).toEqual([
      { name: 'get_user_details', arguments: { user_id: 'mia_li' }, result: '{"name": "Mia"}' },
      {
        name: 'cancel_reservation',
        arguments: { reservation_id: 'X1' },
        result: 'Error: reservation not found',
      },
    ]);
  });

  it('maps a failed run to a failed episode with an error step', () => {
    const [run] = parseTauRuns([RUN], 'inline');
    const stored = runEpisode(run!, 'airline');
    expect(stored.group).toBe('7');
    expect(stored.successful).toBe(false);
    expect(stored.outcome).toMatchObject({ type: 'failure' });
    expect(stored.steps.map((step) => step.result?.type)).toEqual(['success', 'error']);
    expect(runQuery(run!, 'airline')).toMatchObject({ group: '7', text: 'Hi, I want to cancel my trip.' });
    expect(stepResult('error')).toEqual({ type: 'error', message: 'error' });
    expect(stepResult('Errors are fine here')).toMatchObject({ type: 'success' });
  });

  it('holds out the highest trial of each task (lowest for dev)', () => {
    const runs = [0, 1, 2, 3].flatMap((trial) =>
      [1, 2].map((taskId): TauRun => ({ taskId, trial, reward: 1, firstUserMessage: 'hi', toolCalls: [] })),
    );
    const test = leaveOneTrialOut(runs, 'highest');
    expect(test.heldOut.map((run) => [run.taskId, run.trial])).toEqual([
      [1, 3],
      [2, 3],
    ]);
    expect(test.memory).toHaveLength(6);
    expect(leaveOneTrialOut(runs, 'lowest').heldOut.every((run) => run.trial === 0)).toBe(true);
    // Cross-validation folds take the trials in turn, wrapping around.
    expect(leaveOneTrialOut(runs, { position: 1 }).heldOut.every((run) => run.trial === 1)).toBe(true);
    expect(leaveOneTrialOut(runs, { position: 5 }).heldOut.every((run) => run.trial === 1)).toBe(true);
  });
});

describe('the cross-validation split', () => {
  it('queries each training task exactly once, never with itself in memory, and never reads dev or test', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slm-eval-cv-'));
    try {
      // Only the train and run files exist: a cv run must not need the dev or test tasks.
      for (const name of ['retail_tasks_train.json', 'gpt-4o-airline.json'])
        copyFileSync(join(SAMPLE, name), join(dir, name));
      const folds = Array.from({ length: CV_FOLDS }, (_, fold) =>
        loadTauBench({ dataDir: dir, split: 'cv', fold }),
      );
      const queried = folds.flatMap((bench) => bench.procedures.queries.map((query) => query.text));
      const train = parseTauTasks(readJsonFile(join(SAMPLE, 'retail_tasks_train.json')), 'train');
      expect(queried.sort()).toEqual(train.map((task) => task.instruction).sort());
      for (const bench of folds) {
        const inMemory = new Set(bench.procedures.episodes.map((episode) => episode.start.taskDescription));
        expect(bench.procedures.queries.some((query) => inMemory.has(query.text))).toBe(false);
        expect(bench.procedures.episodes).toHaveLength(train.length - bench.procedures.queries.length);
      }
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('dataset directory', () => {
  it('prefers --data, then SLM_EVAL_DATA, and fails clearly when absent', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slm-eval-'));
    try {
      expect(resolveDataDir(dir, {})).toBe(dir);
      expect(resolveDataDir(undefined, { SLM_EVAL_DATA: dir })).toBe(dir);
      expect(() => resolveDataDir(join(dir, 'missing'), {})).toThrow(
        /dataset not found .* --data DIR or set SLM_EVAL_DATA/,
      );
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
