/**
 * Reports API, one plugin in three parts by audience: filing (intake.routes.ts: the public form
 * and Bawaslu's findings and paper reports), the reporter's tracking (tracking.routes.ts), and
 * staff reading, identities and merge proposals (staff.routes.ts). They share one context: the
 * evidence upload handling and the rate limits set up here.
 */
import type { onRequestAsyncHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { requireStaff } from '../../http/guard.ts';
import { sweepIncoming } from '../../storage/evidence-store.ts';
import type { CaseLedger } from '../../ports/case-ledger.ts';
import { officerIntakeRoutes, publicIntakeRoutes } from './intake.routes.ts';
import { tooMany, type ReportRouteDeps } from './route-helpers.ts';
import { staffRoutes } from './staff.routes.ts';
import { trackingRoutes } from './tracking.routes.ts';
import { registerEvidenceUploads } from '../evidence/uploads.ts';

export interface ReportRoutesOptions {
  ctx: AppContext;
  /** The cases capability's ledger (cases/ledger.ts): a report opens its case and writes on its timeline. */
  cases: CaseLedger;
  /** Public submissions per network address per hour (default NETRA_REPORTS_PER_HOUR or 10). */
  submissionsPerHour?: number;
  /** Tracking requests (status, slip, information) per network address per hour (default NETRA_TRACKING_PER_HOUR or 60). */
  trackingPerHour?: number;
  /** The API's mount point, for links in responses. */
  apiPrefix?: string;
}


export const reportRoutes: FastifyPluginAsyncZod<ReportRoutesOptions> = async (app, options) => {
  const { ctx, cases } = options;
  const apiPrefix = options.apiPrefix ?? '/api/v1';
  const submissionsPerHour = options.submissionsPerHour ?? Number(process.env.NETRA_REPORTS_PER_HOUR ?? 10);
  const trackingPerHour = options.trackingPerHour ?? Number(process.env.NETRA_TRACKING_PER_HOUR ?? 60);
  const readers = requireStaff({ action: 'reports.read' });
  const officers = requireStaff({ action: 'reports.triage' });
  // Checked before the body is read: nobody uploads 25 MB to be told they are not signed in.
  const officersFirst = officers as unknown as onRequestAsyncHookHandler;
  await registerEvidenceUploads(app, ctx);
  // Uploads a crash interrupted (a day old at least): cleared once per server start.
  app.addHook('onReady', async () => {
    await sweepIncoming(ctx.evidenceDir, 24 * 60 * 60 * 1000).catch(() => 0);
  });

  const submitLimit = { max: submissionsPerHour, timeWindow: '1 hour', errorResponseBuilder: tooMany('submit') };
  const trackLimit = { max: trackingPerHour, timeWindow: '1 hour', errorResponseBuilder: tooMany('track') };

  const deps: ReportRouteDeps = { ctx, cases, apiPrefix, readers, officers, officersFirst, submitLimit, trackLimit };
  // In this order, so the API document lists the paths as it always has.
  publicIntakeRoutes(app, deps);
  trackingRoutes(app, deps);
  officerIntakeRoutes(app, deps);
  staffRoutes(app, deps);
};
