/** The reporter's thread: request and response shapes (zod), for validation and the API document. */
import { z } from 'zod';
import { trackBody } from '../reports/schema.ts';

export { languageQuery, trackBody } from '../reports/schema.ts';

export const caseParams = z.object({ id: z.uuid() });

const evidenceItem = z.object({
  id: z.string(),
  kind: z.string().describe('JPEG, PNG, PDF …'),
  sizeBytes: z.number(),
  url: z.string().nullable().describe('Reporter: a short-lived link to the metadata-free copy (null for PDF/HEIC). Staff: the download.'),
});

export const threadMessage = z.object({
  id: z.string(),
  author: z.enum(['officer', 'reporter']).describe('Never a name: the reporter is "the reporter", officers are "Bawaslu"'),
  body: z.string(),
  at: z.string(),
  requestsInformation: z.boolean().describe('The question started the more-information clock'),
  evidence: z.array(evidenceItem),
});

export const reporterThreadResponse = z.object({
  messages: z.array(threadMessage),
  canSend: z.boolean(),
  /** An e-mail address for notices is on file (never shown back). */
  noticesOn: z.boolean(),
  waitingQuestion: z.boolean().describe('The latest message is a question from Bawaslu not yet answered'),
});

export const reporterSendBody = trackBody.extend({
  text: z.string().trim().min(2).max(5000),
});

export const reporterSendResponse = z.object({
  id: z.string(),
  at: z.string(),
  evidenceCount: z.number(),
  /** The answer took the case back to review (it was awaiting the reporter's information). */
  answeredRequest: z.boolean(),
});

export const noticeBody = trackBody.extend({
  email: z.email().max(254).nullable().describe('null stops the notices and forgets the address'),
});

export const staffThreadResponse = z.object({
  reports: z.array(
    z.object({
      reportId: z.string(),
      receiptNumber: z.string(),
      anonymous: z.boolean(),
      canReceive: z.boolean().describe('The report has a receipt holder who can read the thread'),
      messages: z.array(threadMessage.extend({ officerName: z.string().nullable() })),
    }),
  ),
  canAsk: z.boolean(),
  canRequestInformation: z.boolean().describe('The case is at a stage where a question may start the more-information clock'),
});

export const askBody = z.object({
  reportId: z.uuid().optional().describe('Which report of the case; optional when it has one reporter'),
  text: z.string().trim().min(10).max(5000),
  requestInformation: z.boolean().default(false),
  expectedVersion: z.number().int().positive().optional(),
});

export const askResponse = z.object({
  id: z.string(),
  at: z.string(),
  transition: z.object({ to: z.string(), toLabel: z.string(), version: z.number(), nextDeadline: z.object({ code: z.string(), due: z.string() }).nullable() }).nullable(),
});
