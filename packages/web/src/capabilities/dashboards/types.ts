/** Shapes of the dashboards, exports and transparency API as the web app uses them. */
export interface Headline {
  reports: number;
  cases: number;
  proven: number;
  sanctioned: number;
  ppkRecommended: number;
  ppkFollowedUp: number;
  siasnBlocks: number;
}

export interface Dashboard {
  election: { id: string; name: string };
  territory: { level: 'national' | 'province' | 'regency'; code: string | null; name: string };
  breadcrumb: Array<{ code: string | null; name: string; reachable: boolean }>;
  dataAsOf: string | null;
  live: boolean;
  refreshing: boolean;
  minReach: number;
  totals: Headline & { ppkFollowUpRate: number | null; duringCampaign: number; duringCriticalStages: number };
  byState: Array<{ key: string; label: string; cases: number; reports: number }>;
  byStage: Array<{ key: string; label: string; start: string | null; end: string | null; critical: boolean; cases: number; reports: number }>;
  byAct: Array<{ key: string; label: string; cases: number }>;
  byPosition: Array<{ key: string; label: string; cases: number }>;
  bySource: Array<{ key: string; label: string; reports: number }>;
  deadlines: Array<{ party: string; label: string; met: number; missed: number; running: number; overdue: number }>;
  weekly: Array<{ week: string; cases: number; reports: number }>;
  stages: Array<{ code: string; name: string; start: string; end: string; critical: boolean }>;
  children: Array<
    Headline & {
      code: string;
      name: string;
      level: 'province' | 'regency';
      ownLevel: boolean;
      short: string | null;
      tile: { col: number; row: number } | null;
      asnTotal: number;
      pledged: number;
      reached: number;
      events: number;
    }
  >;
  prevention: { asnTotal: number; pledged: number; reached: number; events: number; pledgeCoverage: number | null; reachCoverage: number | null };
  candidates: { asnCandidates: number; noticeRecorded: number; resignationRecorded: number; dismissalRecorded: number } | null;
  rotations: { inWindow: number; withoutApproval: number; windowFrom: string; windowTo: string } | null;
  screening: { queued: number } | null;
}

export interface AgencyRow extends Omit<Headline, 'siasnBlocks'> {
  agencyId: number;
  code: string;
  name: string;
  regionCode: string;
  ppkFollowUpRate: number | null;
  deadlinesMet: number;
  deadlinesMissed: number;
  deadlinesOverdue: number;
}

export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  nextOffset: number | null;
  items: T[];
}

export interface ExportJob {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'expired' | 'interrupted';
  rowsTotal: number | null;
  rowsWritten: number;
  fileName: string | null;
  downloadUrl: string | null;
  error: string | null;
}
