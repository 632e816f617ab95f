/**
 * Resolves in a later task of the event loop: work after `await nextTask()` runs on its own, not inside the task
 * that called it (React's effects at hydration, where every query starts; docs/frontend-performance.md).
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
