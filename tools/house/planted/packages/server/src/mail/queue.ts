// mail/ leaning on the job runner and on a capability: two floors too high.
import type { JobSender } from '../job.ts';
import { own } from '../capabilities/beta/service.ts';

export const queue = (send: JobSender) => [send, own];
