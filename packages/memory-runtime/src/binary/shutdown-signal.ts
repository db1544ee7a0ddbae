/**
 * Resolves with the first SIGTERM or SIGINT. Later ones are ignored instead of killing the process: a Ctrl-C
 * under `pnpm start` reaches the process twice (from the terminal, then forwarded by pnpm), and the default
 * action of the second would cut the graceful shutdown short and lose buffered steps. The binaries bound
 * their shutdown with a deadline, so ignoring repeats cannot hang them.
 */
export function shutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let received = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (received) return;
      received = true;
      resolve(signal);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}
