/**
 * Cases for tests, in any state, with the clock dates that state needs. A case is opened the way
 * a report opens one (`openCaseForReport`, with one Bawaslu finding as its report),
 * then moved straight to the wanted state, as if its earlier steps had been taken.
 */
import { randomBytes } from 'node:crypto';
import { dateInTimeZone, generateReceiptNumber, nextCaseDeadline, timeZoneOfRegion, type CaseState } from '@netra/core';
import { openCaseForReport } from '../capabilities/cases/opening.service.ts';
import { rulebookOf, updateCaseReturning, type CaseRow } from '../capabilities/cases/repository.ts';
import { insertReportWith } from '../capabilities/reports/intake.repository.ts';
import { createAgency, createAsn } from './dashboards.ts';
import { staffClient } from './staff.ts';
import type { TestApp } from './test-database.ts';

export interface CaseFixture {
  /** Default 35.10 (Kabupaten Banyuwangi). */
  regionCode?: string;
  /** Default pilkada-2024. */
  electionId?: string;
  state?: CaseState;
  /** Default: today in the region, by the test app's clock. */
  receivedOn?: string;
  informationRequestedOn?: string;
  reviewRestartedOn?: string;
  forwardedToBknOn?: string;
  recommendedToPpkOn?: string;
  actCodes?: string[];
  agencyId?: number | null;
  asnId?: number | null;
  summary?: string;
  assigneeId?: string | null;
  /** The officer who recorded the finding (four eyes); default none. */
  recordedBy?: string | null;
}

const AFTER_RECOMMENDATION: readonly CaseState[] = ['recommended_to_ppk', 'sanction_decided'];
const AFTER_FORWARDING: readonly CaseState[] = ['forwarded_to_bkn', 'verified_by_bkn', ...AFTER_RECOMMENDATION];

export async function createCase(t: TestApp, fixture: CaseFixture = {}): Promise<CaseRow> {
  const regionCode = fixture.regionCode ?? '35.10';
  const electionId = fixture.electionId ?? 'pilkada-2024';
  const receivedOn = fixture.receivedOn ?? dateInTimeZone(t.ctx.now(), timeZoneOfRegion(regionCode));
  const state = fixture.state ?? 'received';
  const actCodes = fixture.actCodes ?? [];
  const summary = fixture.summary ?? `ASN fiktif diduga mengunggah foto bersama calon (${randomBytes(3).toString('hex')})`;
  // A case past a hand-over has the date of that hand-over (it is what lets BKN and the PPK see it).
  const clocks = {
    information_requested_on: fixture.informationRequestedOn ?? null,
    review_restarted_on: fixture.reviewRestartedOn ?? null,
    forwarded_to_bkn_on: fixture.forwardedToBknOn ?? (AFTER_FORWARDING.includes(state) ? receivedOn : null),
    recommended_to_ppk_on: fixture.recommendedToPpkOn ?? (AFTER_RECOMMENDATION.includes(state) ? receivedOn : null),
  };
  return t.ctx.db.transaction().execute(async (trx) => {
    const opened = await openCaseForReport(trx, {
      electionId,
      regionCode,
      agencyId: fixture.agencyId ?? null,
      asnId: fixture.asnId ?? null,
      actCodes,
      summary,
      receivedOn,
      receivedAt: t.ctx.now(),
    });
    await insertReportWith(
      trx,
      {
        source: 'finding',
        case_id: opened.id,
        election_id: electionId,
        region_code: regionCode,
        place: 'Kantor kecamatan (fiktif)',
        occurred_on: receivedOn,
        known_on: receivedOn,
        received_on: receivedOn,
        description: summary,
        act_codes: actCodes,
        reported_name: 'Budi Fiktif',
        reported_name_normalised: 'budi fiktif',
        anonymous: false,
        ...(fixture.recordedBy ? { created_by: fixture.recordedBy } : {}),
      },
      generateReceiptNumber(Number(receivedOn.slice(0, 4)), randomBytes),
      { evidence: { addedBy: 'reporter', files: [] }, identity: null, at: t.ctx.now() },
    );
    const { rulebook } = (await rulebookOf(trx, electionId))!;
    const next = nextCaseDeadline(
      state,
      {
        receivedDate: receivedOn,
        informationRequestedDate: clocks.information_requested_on,
        reviewRestartedDate: clocks.review_restarted_on,
        forwardedToBknDate: clocks.forwarded_to_bkn_on,
        recommendedToPpkDate: clocks.recommended_to_ppk_on,
      },
      rulebook,
      receivedOn,
    );
    return updateCaseReturning(trx, opened.id, {
      state,
      ...clocks,
      next_deadline_code: next?.code ?? null,
      next_deadline_due: next?.due ?? null,
      assignee_id: fixture.assigneeId ?? null,
    });
  });
}

/**
 * Move the test app's clock to `instant` and keep every signed-in test session alive: a case's
 * story spans weeks, a session expires after eight idle hours.
 */
export async function travelTo(t: TestApp, instant: string): Promise<void> {
  t.setNow(instant);
  const now = new Date(instant);
  await t.ctx.db.updateTable('sessions').set({ last_seen_at: now, expires_at: new Date(now.getTime() + 24 * 3600_000) }).execute();
}

/**
 * The staff a Banyuwangi (35.10) case passes through, each signed in: the regency Bawaslu officer,
 * the East Java province Bawaslu, the BKN verifier, the PPK's delegate and the BKPSDM officer.
 */
export async function caseHandlers(t: TestApp) {
  const [bawaslu, bawasluJatim, bkn, ppk, bkpsdm] = await Promise.all([
    staffClient(t, 'bawaslu_regency', '35.10'),
    staffClient(t, 'bawaslu_province', '35'),
    staffClient(t, 'bkn_verifier', null),
    staffClient(t, 'ppk_delegate', '35.10'),
    staffClient(t, 'bkpsdm_officer', '35.10'),
  ]);
  return { bawaslu, bawasluJatim, bkn, ppk, bkpsdm };
}

/**
 * A fictional civil servant of the region to link to a case (forwarding to BKN and recording a
 * sanction need one: issue 15), one per test app and region.
 */
const people = new WeakMap<TestApp, Map<string, Promise<number>>>();
export function reportedPerson(t: TestApp, regionCode = '35.10'): Promise<number> {
  const perApp = people.get(t) ?? new Map<string, Promise<number>>();
  people.set(t, perApp);
  const region = regionCode.slice(0, 5);
  if (!perApp.has(region)) {
    perApp.set(
      region,
      (async () => {
        const agency = await createAgency(t, region, `Pemerintah Daerah ${region} (fiktif, perkara uji)`);
        return (await createAsn(t, { agencyId: agency, regionCode: region, name: `Terlapor Fiktif ${region}`, positionTitle: 'Kepala Seksi Pemerintahan', positionType: 'supervisor' })).id;
      })(),
    );
  }
  return perApp.get(region)!;
}
