import { z } from 'zod';
import { stringMatching, territoryCode } from '../../http/validation.ts';

const isoDate = stringMatching(/^\d{4}-\d{2}-\d{2}$/, { id: 'Tanggal ditulis TTTT-BB-HH.', en: 'Dates are written YYYY-MM-DD.' });
const nip = stringMatching((v) => /^\d{18}$/.test(v.replace(/\s/g, '')), { id: 'NIP harus 18 angka.', en: 'A NIP has 18 digits.' });
const lang = z.enum(['id', 'en']).optional();
const paging = { limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) };

export const electionParams = z.object({ electionId: z.string().min(1).max(40) });
export const pledgeParams = electionParams.extend({ nip });
export const eventParams = z.object({ eventId: z.uuid() });
export const langQuery = z.object({ lang });

export const coverageQuery = z.object({ region: territoryCode.optional(), lang, ...paging });
export const personListQuery = z.object({ region: territoryCode.optional(), agencyId: z.coerce.number().int().positive().optional(), q: z.string().trim().min(1).max(100).optional(), lang, ...paging });
export const pledgeListQuery = personListQuery.omit({ q: true });
export const eventListQuery = z.object({ region: territoryCode.optional(), lang, ...paging });
export const eventDetailQuery = z.object({ lang, ...paging });

export const pledgeBody = z.object({ nip, signedOn: isoDate });
export const agencyPledgeBody = z.object({ agencyId: z.number().int().positive(), unitId: z.number().int().positive().optional(), signedOn: isoDate });
export const agencyAttendanceBody = z.object({ agencyId: z.number().int().positive(), unitId: z.number().int().positive().optional() });
export const eventBody = z.object({
  regionCode: territoryCode,
  kind: z.enum(['apel_siaga', 'sosialisasi', 'spanduk', 'lainnya']),
  title: z.string().trim().min(3).max(200),
  heldOn: isoDate,
  place: z.string().trim().min(2).max(200),
  organiser: z.string().trim().min(2).max(200),
  note: z.string().trim().max(2000).nullish(),
});

const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ total: z.number().int(), limit: z.number().int(), offset: z.number().int(), nextOffset: z.number().int().nullable(), items: z.array(item) });

export const pledgeResultSchema = z.object({ status: z.enum(['recorded', 'already_signed']), nip: z.string(), signedOn: z.string() });
export const agencyPledgeResultSchema = z.object({
  agency: z.object({ id: z.number().int(), name: z.string() }),
  staff: z.number().int(),
  recorded: z.number().int(),
  alreadySigned: z.number().int(),
});
export const lineImportSchema = z.object({
  lines: z.number().int(),
  recorded: z.number().int().describe('New pledges or attendees'),
  alreadyRecorded: z.number().int(),
  rejectedTotal: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), nip: z.string(), reason: z.string(), message: z.string() })).describe('The first 1,000 rejected lines, in file order'),
});
export const removedSchema = z.object({ removed: z.boolean(), nip: z.string() });

const coverageFigures = {
  asnTotal: z.number().int(),
  pledged: z.number().int(),
  reached: z.number().int(),
  pledgeCoverage: z.number().nullable(),
  reachCoverage: z.number().nullable(),
};
export const coverageSchema = listOf(z.object({ agencyId: z.number().int(), code: z.string(), name: z.string(), regionCode: z.string(), ...coverageFigures })).extend({
  dataAsOf: z.string().nullable(),
  totals: z.object({ ...coverageFigures, events: z.number().int() }),
});

/** A civil servant as the lists show them (an event's attendees without the region). */
const attendee = {
  id: z.number().int(),
  nip: z.string(),
  name: z.string(),
  positionTitle: z.string(),
  agency: z.string(),
  unit: z.string().nullable(),
};
const person = { ...attendee, regionCode: z.string() };
export const unsignedSchema = listOf(z.object({ ...person, kind: z.string(), positionType: z.string(), region: z.string() }));
export const pledgeListSchema = listOf(z.object({ ...person, signedOn: z.string(), method: z.string() }));

const event = {
  id: z.string(),
  regionCode: z.string(),
  region: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  heldOn: z.string(),
  place: z.string(),
  organiser: z.string(),
  note: z.string().nullable(),
};
export const eventListSchema = listOf(z.object({ ...event, attendance: z.number().int() }));
export const eventDetailSchema = z.object({
  event: z.object({ ...event, electionId: z.string(), createdAt: z.string() }),
  attendees: listOf(z.object(attendee)),
});
export const createdSchema = z.object({ id: z.string() });
export const agencyAttendanceSchema = z.object({ staff: z.number().int(), added: z.number().int(), alreadyPresent: z.number().int() });
