/**
 * Two notes for the case page (issue 14): which rulebook version the case's clocks run under (a
 * later change applies to new cases only), and, under four eyes, why the officer who recorded the
 * finding is not offered classifying or forwarding it.
 */
import { Notice } from '../../components/kit.ts';
import type { ApiResponse } from '../../lib/api.ts';
import { formatInstant } from '../../lib/format.ts';
import { defineMessages, useI18n, useMessages } from '../../lib/i18n.tsx';

type CaseDetail = ApiResponse<'/cases/{id}'>;

const messages = defineMessages({
  id: {
    version: (v: number) => `Batas waktu perkara ini dihitung dengan buku aturan versi ${v}`,
    since: (when: string, regulation: string) => ` (berlaku sejak ${when}; ${regulation}).`,
    basis: (regulation: string) => ` (${regulation}).`,
    newer: (v: number) => ` Buku aturan kini versi ${v}; perubahan itu berlaku untuk perkara yang dibuka sesudahnya, bukan untuk perkara ini.`,
    fourEyes: (labels: string) =>
      `Anda mencatat temuan perkara ini. Dengan prinsip empat mata, "${labels}" harus dilakukan petugas kedua dari Bawaslu yang sama; minta rekan Anda mengonfirmasi.`,
  },
  en: {
    version: (v: number) => `This case's deadlines are counted under rulebook version ${v}`,
    since: (when: string, regulation: string) => ` (in force since ${when}; ${regulation}).`,
    basis: (regulation: string) => ` (${regulation}).`,
    newer: (v: number) => ` The rulebook is now at version ${v}; that change applies to cases opened after it, not to this one.`,
    fourEyes: (labels: string) =>
      `You recorded this case's finding. Under four eyes, "${labels}" must be done by a second officer of the same Bawaslu; ask a colleague to confirm.`,
  },
});

export function RulebookVersionNote({ detail }: { detail: CaseDetail }) {
  const t = useMessages(messages);
  const { language } = useI18n();
  const { version, currentVersion, changedAt, regulation } = detail.rulebook;
  return (
    <p className="muted" data-testid="case-rulebook-version">
      {t.version(version)}
      {/* Version 1 is the rulebook the election was loaded with: the moment it was stored is not when its rules took force. */}
      {regulation ? (version > 1 && changedAt ? t.since(formatInstant(changedAt, language), regulation) : t.basis(regulation)) : '.'}
      {currentVersion !== version && t.newer(currentVersion)}
    </p>
  );
}

export function FourEyesNote({ detail }: { detail: CaseDetail }) {
  const t = useMessages(messages);
  if (detail.fourEyes.withheld.length === 0) return null;
  return (
    <Notice>
      <span data-testid="four-eyes-note">{t.fourEyes(detail.fourEyes.withheld.map((w) => w.label).join('", "'))}</span>
    </Notice>
  );
}
