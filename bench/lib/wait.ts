/** Shared by the benchmarks that spawn a Netra server of their own. */
import type { ChildProcess } from 'node:child_process';

/** Poll `check` every 250 ms until it holds; fail if `child` exits first or after `timeoutMs`. */
export async function waitUntil(child: ChildProcess, what: string, check: () => Promise<boolean>, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('Netra exited');
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`);
}
