/**
 * The background work of screening on pg-boss (jobs/boss.ts): the OCR of pictures (posts' media,
 * reports' image evidence) every few minutes, and on request. Each run records its progress in
 * `screening_ocr_runs` (pictures total, read, failed, posts flagged).
 */
import { queuedJob, scheduledJob, type Job } from '../../job.ts';
import { runOcr } from './ocr.service.ts';

export const OCR_SWEEP = 'screening-ocr-sweep';
export const OCR_REQUEST_QUEUE = 'screening-ocr-request';

let requestOcr: (() => Promise<string | null>) | null = null;

/** Asks a worker for an OCR run now (after an import with pictures); a no-op where jobs do not run. */
export async function requestOcrRun(): Promise<void> {
  await requestOcr?.();
}

export const jobs: readonly Job[] = [
  scheduledJob({ name: OCR_SWEEP, cron: '*/5 * * * *', tz: 'Asia/Jakarta', run: (ctx) => runOcr(ctx) }),
  queuedJob({
    name: OCR_REQUEST_QUEUE,
    // At most one waiting while one runs: a run reads whatever is pending when it starts.
    queue: { policy: 'stately', retryLimit: 2, retryDelay: 30, expireInSeconds: 30 * 60 },
    run: (ctx) => runOcr(ctx),
    connect: (send) => {
      requestOcr = () => send({});
      return () => {
        requestOcr = null;
      };
    },
  }),
];
