#!/usr/bin/env node
import { processIO } from './cli-io.js';
import { runCli } from './run-cli.js';

// A reader that stops early (`memory-cli episodes list | head`) closes the pipe: that is not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const code = await runCli(process.argv.slice(2), processIO());
// Exit once stdout and stderr are flushed (writes to pipes are asynchronous): an interrupted import leaves its
// file reader pending, which must not keep the process alive, and a pipe must still receive the whole report.
process.stderr.write('', () => process.stdout.write('', () => process.exit(code)));
