/**
 * What every part of the reports capability agrees on: where a report comes from, which sources
 * are Bawaslu's own, and the shape of a sealed reporter identity. Who may read or handle reports
 * is core's permission table (`reports.read`, `reports.triage`).
 */

/**
 * Where a report comes from, and which sources are Bawaslu's own (findings and screening
 * confirmations: nobody outside holds a receipt to track them with, and there is no reporter
 * identity behind them): core's, with the formal requirements that depend on them.
 */
export { isBawasluOwn, type ReportSource } from '@netra/core';

export interface SealedWitness {
  name: string;
  address: string | null;
  phone: string | null;
}

/**
 * What a report's vault (`reporter_identities.sealed`) holds: a named reporter's identity with the
 * particulars of the official form, and the witnesses of any report. An anonymous report's vault
 * (`named = false`) has a null name and only its witnesses. Vaults sealed before issue 16 lack the
 * particulars and witnesses.
 */
export interface ReporterIdentity {
  name: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  birthPlace?: string | null;
  birthDate?: string | null;
  gender?: 'L' | 'P' | null;
  occupation?: string | null;
  nationality?: string | null;
  witnesses?: SealedWitness[];
}
