/**
 * Loads a chunk once the browser is idle, so the page itself comes first, then starts what the
 * page deferred (learner controls, counts). Offline, a chunk never saved on this device cannot
 * load: what it starts stays hidden until the network returns, and then it loads.
 */
export function whenIdle<Chunk>(
  load: () => Promise<Chunk>,
  start: (chunk: Chunk) => unknown,
): void {
  const run = () => {
    load().then(start, (error: unknown) => {
      if (navigator.onLine) throw error;
      addEventListener('online', run, { once: true });
    });
  };
  if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 200);
}
