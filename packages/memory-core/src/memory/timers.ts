/** A pending timer must not keep a process alive on its own (Node timers have `unref`, others do not). */
export function unrefTimer(handle: unknown): void {
  const unref = (handle as { unref?: () => void } | undefined)?.unref;
  if (typeof unref === 'function') unref.call(handle);
}
