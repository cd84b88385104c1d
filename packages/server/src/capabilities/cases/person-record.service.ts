/**
 * What the register's person page shows from the cases side: the person's cases (those the viewer
 * may see), their neutrality pledges and the SIASN blocks on their cases.
 */
import { CASE_STATE_LABELS, isCaseState } from '@netra/core';
import type { AppContext } from '../../context.ts';
import type { Viewer } from './repository.ts';
import { otherCasesOf, pledgesOf } from './people.repository.ts';
import { blocksOfPerson } from './siasn-block.service.ts';

export async function personCaseRecord(ctx: AppContext, viewer: Viewer, asnId: number, language: 'id' | 'en') {
  const [cases, pledges, blocks] = await Promise.all([otherCasesOf(ctx.db, viewer, [asnId], null), pledgesOf(ctx.db, [asnId]), blocksOfPerson(ctx, viewer, asnId, language)]);
  return {
    cases: cases.map((c) => ({
      id: c.id,
      number: c.number,
      state: c.state,
      stateLabel: isCaseState(c.state) ? CASE_STATE_LABELS[c.state][language] : c.state,
      electionId: c.electionId,
      receivedOn: c.receivedOn,
      closedAt: c.closedAt ? new Date(c.closedAt).toISOString() : null,
      sanctioned: c.sanction !== null,
    })),
    pledges: pledges.map((p) => ({ electionId: p.electionId, electionName: language === 'en' ? p.electionNameEn : p.electionNameId, signedOn: p.signedOn, method: p.method })),
    siasnBlocks: blocks,
  };
}
