import type { AppContext } from '../../context.ts';
import { databaseStatus } from './repository.ts';

/** The API is up when it answers; "degraded" when its database does not. */
export async function healthReport(ctx: AppContext) {
  const uptimeSeconds = Math.round(process.uptime());
  try {
    const database = await databaseStatus(ctx.db);
    return { status: 'ok' as const, database: { up: true, ...database }, uptimeSeconds };
  } catch (error) {
    return { status: 'degraded' as const, database: { up: false, error: String(error) }, uptimeSeconds };
  }
}
