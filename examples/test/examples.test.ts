import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const EXAMPLES = new URL('..', import.meta.url).pathname;
const TSX = new URL('../node_modules/.bin/tsx', import.meta.url).pathname;

/** Runs an example exactly as the README does (tsx on the TypeScript sources) and returns its output. */
async function example(file: string): Promise<string> {
  const { stdout } = await run(TSX, ['--conditions=source', file], { cwd: EXAMPLES });
  return stdout;
}

describe('examples', () => {
  it('lifecycle: three similar episodes merge into one pattern with three occurrences', async () => {
    const output = await example('src/lifecycle.ts');
    expect(output).toContain('Use edit_file → run_tests — 3 occurrences, 3 successes');
    expect(output).toMatch(/reward \d\.\d\d, quality 0\.\d\d/);
    expect(output).toMatch(/playbook:\n {2}1\. Use /);
  });

  it('feedback loop: the procedure that worked overtakes the one that failed', async () => {
    const output = await example('src/feedback-loop.ts');
    const [before, after] = output.split('After four rounds of feedback:');
    expect(before).toMatch(/1\. Use build_image → deploy_over_ssh/);
    expect(after).toMatch(/1\. Use build_image → deploy_to_kubernetes .* applied 3, succeeded 3/);
  });
});
