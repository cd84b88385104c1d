/**
 * The formal requirements of a report (Perbawaslu 7/2022): a named reporter, and a report made in
 * time. A report failing them is not reviewed on its own; the lawful path is a Bawaslu finding.
 * Bawaslu's own records (findings, screening confirmations) have no reporter to name and no
 * receipt to track, so the requirements do not apply to them.
 */

/** Where a report comes from. */
export type ReportSource = 'public' | 'finding' | 'paper' | 'screening';

/** Findings and screening confirmations are Bawaslu's own: nobody outside holds a receipt for them. */
export const isBawasluOwn = (source: ReportSource) => source === 'finding' || source === 'screening';

/** Which formal requirements a report fails: anonymous, late (none for Bawaslu's own). */
export function formalWeaknesses(report: { source: string; anonymous: boolean; lateByDays: number }): Array<'anonymous' | 'late'> {
  if (isBawasluOwn(report.source as ReportSource)) return [];
  return [...(report.anonymous ? (['anonymous'] as const) : []), ...(report.lateByDays > 0 ? (['late'] as const) : [])];
}
