/**
 * The deadline sweep: for every open case, recompute its next deadline from the election's
 * rulebook (which an administrator may have changed), remind whoever must act before each running
 * clock falls due, and escalate once it has passed (core's `reminderSchedule` and
 * `escalationTarget`). Notifications carry a dedupe key, so running the sweep twice, or on several
 * servers at once, notifies once. A PPK that missed the follow-up gets the case flagged for a SIASN
 * block, with a timeline event and an audit entry.
 */
import {
  caseDeadlines,
  dateInTimeZone,
  escalationTarget,
  reminderSchedule,
  timeZoneOfRegion,
  type CaseDeadline,
  type IsoDate,
  type Rulebook,
} from '@netra/core';
import type { AppContext } from '../../context.ts';
import { appendAudit } from '../audit/service.ts';
import { notify } from '../notifications/service.ts';
import { stateOf } from './present.ts';
import { clockOf, insertCaseEvent, openCasesAfter, rulebookKey, rulebooksFor, updateCase, type CaseRow } from './repository.ts';
import { handlingOffice } from './rules.ts';
import { requestSiasnBlock } from './siasn-block.service.ts';

/** Remind the day before a deadline and on the day itself (counted like the rule: working days skip days off). */
export const REMINDER_DAYS_BEFORE = [1, 0] as const;
const BATCH = 500;

/** The sweep needs only the database and the clock (the CLI has no full application context). */
export type SweepContext = Pick<AppContext, 'db' | 'now'>;

export interface SweepSummary {
  casesChecked: number;
  deadlinesUpdated: number;
  reminders: number;
  escalations: number;
  siasnFlags: number;
}

/**
 * The reminder due today, if any: the latest scheduled date not after today, while the deadline
 * has not passed. A sweep that missed a day (server down) still sends the reminder it owes, once.
 */
function reminderDue(deadline: CaseDeadline, rulebook: Rulebook, today: IsoDate): IsoDate | null {
  if (today > deadline.due) return null;
  const due = reminderSchedule(deadline, rulebook, { daysBefore: REMINDER_DAYS_BEFORE }).remindOn.filter((d) => d <= today);
  return due.at(-1) ?? null;
}

function reminderMessage(row: CaseRow, d: CaseDeadline) {
  const when =
    d.remaining === 0
      ? { id: 'hari ini', en: 'today' }
      : { id: `${d.remaining} hari ${d.counting === 'working' ? 'kerja ' : ''}lagi`, en: `in ${d.remaining} ${d.counting === 'working' ? 'working ' : ''}day(s)` };
  return {
    id: `Pengingat: ${d.label.id} perkara ${row.number} jatuh tempo ${when.id} (${d.due}).${d.unsure ? ' Batas waktu ini belum pasti secara hukum.' : ''}`,
    en: `Reminder: ${d.label.en} for case ${row.number} is due ${when.en} (${d.due}).${d.unsure ? ' This deadline is not settled in law.' : ''}`,
  };
}

async function sweepCase(ctx: SweepContext, row: CaseRow, rulebook: Rulebook, today: IsoDate, summary: SweepSummary) {
  const deadlines = caseDeadlines(stateOf(row), clockOf(row), rulebook, today);
  const next = deadlines[0] ?? null;
  await ctx.db.transaction().execute(async (trx) => {
    if ((next?.code ?? null) !== row.next_deadline_code || (next?.due ?? null) !== row.next_deadline_due) {
      await updateCase(trx, row.id, { next_deadline_code: next?.code ?? null, next_deadline_due: next?.due ?? null });
      summary.deadlinesUpdated += 1;
    }
    for (const d of deadlines) {
      // The reporter has no account; when they do not answer, the escalation below tells Bawaslu.
      const remindOn = d.party === 'reporter' ? null : reminderDue(d, rulebook, today);
      if (remindOn) {
        const office = handlingOffice(d.roles, row.region_code);
        const to = row.assignee_id ? { userId: row.assignee_id } : office ? { role: office.role, regionCode: office.regionCode } : null;
        if (
          to &&
          (await notify(trx, {
            to,
            caseId: row.id,
            kind: 'deadline_reminder',
            message: reminderMessage(row, d),
            dedupeKey: `reminder:${row.id}:${d.code}:${d.due}:${remindOn}`,
          }))
        ) {
          summary.reminders += 1;
        }
      }

      const escalation = escalationTarget(d, row.region_code);
      if (!escalation) continue;
      const regionCode = escalation.scope.kind === 'national' ? null : escalation.scope.regionCode;
      const fresh = await notify(trx, {
        to: { role: escalation.role, regionCode },
        caseId: row.id,
        kind: escalation.action,
        message: { id: `Perkara ${row.number}: ${escalation.message.id}`, en: `Case ${row.number}: ${escalation.message.en}` },
        dedupeKey: `escalation:${row.id}:${d.code}:${d.due}`,
      });
      if (!fresh) continue;
      summary.escalations += 1;
      const escalatedTo = `${escalation.role}:${regionCode ?? 'national'}`;
      const flagSiasn = escalation.action === 'recommend_siasn_block' && !row.siasn_block_recommended;
      await updateCase(trx, row.id, { escalated_to: escalatedTo, ...(flagSiasn ? { siasn_block_recommended: true } : {}) });
      const data = { deadline: d.code, due: d.due, action: escalation.action, to: escalatedTo, basis: d.basis, unsure: d.unsure };
      // The request is a record BKN imposes and lifts (issue 15), and the PPK hears of it.
      if (escalation.action === 'recommend_siasn_block') await requestSiasnBlock(trx, row, data, ctx.now());
      await insertCaseEvent(trx, { caseId: row.id, actorId: null, kind: flagSiasn ? 'siasn_block_recommended' : 'escalated', at: ctx.now(), data });
      if (flagSiasn) summary.siasnFlags += 1;
      await appendAudit(trx, {
        actorId: null,
        action: flagSiasn ? 'case.siasn_block_recommended' : 'case.escalated',
        entityType: 'case',
        entityId: row.id,
        data,
        at: ctx.now(),
      });
    }
  });
}

/**
 * Sweep every open case. `today` fixes the date for every case (tests, a manual rerun for a given
 * day); without it each case uses today's date in its own region's time zone.
 */
export async function runDeadlineSweep(ctx: SweepContext, today?: IsoDate): Promise<SweepSummary> {
  const summary: SweepSummary = { casesChecked: 0, deadlinesUpdated: 0, reminders: 0, escalations: 0, siasnFlags: 0 };
  const rulebooks = new Map<string, Rulebook>();
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await openCasesAfter(ctx.db, after, BATCH);
    if (rows.length === 0) return summary;
    const missing = rows.filter((r) => !rulebooks.has(rulebookKey(r)));
    for (const [key, rulebook] of await rulebooksFor(ctx.db, missing)) rulebooks.set(key, rulebook);
    for (const row of rows) {
      const rulebook = rulebooks.get(rulebookKey(row));
      if (!rulebook) continue;
      summary.casesChecked += 1;
      await sweepCase(ctx, row, rulebook, today ?? dateInTimeZone(ctx.now(), timeZoneOfRegion(row.region_code)), summary);
    }
    after = rows.at(-1)!.id;
  }
}
