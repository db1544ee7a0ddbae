#!/usr/bin/env node
import { processIO } from './cli-io.js';
import { runCli } from './run-cli.js';

const code = await runCli(process.argv.slice(2), processIO());
// Exit once stdout and stderr are flushed (writes to pipes are asynchronous): an interrupted import leaves its
// file reader pending, which must not keep the process alive, and a pipe must still receive the whole report.
process.stderr.write('', () => process.stdout.write('', () => process.exit(code)));
