/**
 * Whether the intake is busy (issue 11, fourth pass): the follow-up work of received reports
 * (public copies with sharp, duplicate proposals) yields the processor to the acknowledgements
 * while filings arrive, and catches up when they stop. It never stops altogether: while the intake
 * stays busy, a job still runs at least every `maxWaitMs`, so the queue moves during a long surge
 * and drains after it.
 */

let inFlight = 0;
let lastEnded = 0;

/** How long after the last filing the intake still counts as busy (the next one is likely near). */
const QUIET_AFTER_MS = 250;

/** Around each filing (intake.service.ts). */
export async function duringFiling<T>(work: () => Promise<T>): Promise<T> {
  inFlight += 1;
  try {
    return await work();
  } finally {
    inFlight -= 1;
    lastEnded = performance.now();
  }
}

export function intakeBusy(now = performance.now()): boolean {
  return inFlight > 0 || now - lastEnded < QUIET_AFTER_MS;
}

/** Resolves once the intake is quiet, or after `maxWaitMs` at the latest. */
export async function intakeQuiet(maxWaitMs: number, stepMs = 50): Promise<void> {
  const until = performance.now() + maxWaitMs;
  while (intakeBusy() && performance.now() < until) await new Promise((resolve) => setTimeout(resolve, stepMs));
}
