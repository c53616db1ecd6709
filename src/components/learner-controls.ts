import { whenIdle } from '../lib/offline/when-idle.ts';

let started = false;

/**
 * Wires the learner's controls (`.learn`, rendered hidden) once the browser is idle: a reading
 * page ships this much script, and the storage code arrives only then, in its own chunk.
 */
export function startLearnerControls(): void {
  const roots = [...document.querySelectorAll<HTMLElement>('.learn')];
  if (started || !roots.length) return;
  started = true;
  whenIdle(
    () => import('../lib/learner/page-controls.ts'),
    ({ startPageControls }) => startPageControls(roots),
  );
}
