/**
 * What every part of the reports capability agrees on: where a report comes from, which sources
 * are Bawaslu's own, and the shape of a sealed reporter identity. Who may read or handle reports
 * is core's permission table (`reports.read`, `reports.triage`).
 */

export type ReportSource = 'public' | 'finding' | 'paper' | 'screening';

/**
 * Findings and screening confirmations are Bawaslu's own: nobody outside holds a receipt to
 * track them with, and there is no reporter identity behind them.
 */
export const isBawasluOwn = (source: ReportSource) => source === 'finding' || source === 'screening';

/** A named reporter's identity, as sealed in `reporter_identities`. */
export interface ReporterIdentity {
  name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
}
