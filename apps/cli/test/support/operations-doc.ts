import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PAGE = fileURLToPath(new URL('../../../../docs/operations.md', import.meta.url));

/** The code blocks of docs/operations.md of one language (`bash`, `cron`), line by line. */
function blockLines(language: string): string[] {
  const text = readFileSync(PAGE, 'utf8');
  const lines: string[] = [];
  for (const match of text.matchAll(new RegExp(`^( *)\`\`\`${language}\\n([\\s\\S]*?)^ *\`\`\``, 'gm'))) {
    lines.push(...match[2]!.split('\n').map((line) => line.trim()));
  }
  return lines.filter((line) => line !== '');
}

/** Every `memory-cli …` command of the page's shell blocks (with leading `NAME=value` assignments, comments dropped). */
export function documentedCommands(): string[] {
  return blockLines('bash')
    .map((line) => line.split(/\s+#\s/)[0]!.trim())
    .filter((line) => /^(?:[A-Z_]+=\S+\s+)*memory-cli(?:\s|$)/.test(line));
}

/** The crontab lines of the page. */
export function cronLines(): string[] {
  return blockLines('cron');
}
