/** The public transparency API (counts arrive already suppressed). */
export interface PublicCount {
  value: number | null;
  display: string;
  hidden: 'small' | 'complementary' | null;
}

export interface Transparency {
  election: { id: string; name: string; year: number };
  region: { code: string; name: string; level: string; parentCode: string | null; parentName: string | null } | null;
  name: string;
  participates: boolean;
  dataAsOf: string | null;
  counts: { reports: PublicCount; provenViolations: PublicCount; sanctions: PublicCount };
  followUpRate: number | null;
  nihil: boolean;
  byStage: Array<{ code: string; name: string; start: string | null; end: string | null; critical: boolean; reports: PublicCount }>;
  children: Array<{ code: string; name: string; short: string | null; tile: { col: number; row: number } | null; participates: boolean; reports: PublicCount; provenViolations: PublicCount; nihil: boolean }>;
}
