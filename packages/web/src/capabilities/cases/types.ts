/** The case API's answers, as the console reads them (server: capabilities/cases/schema.ts). */

export interface Deadline {
  code: string;
  label: string;
  startedOn: string;
  due: string;
  remaining: number;
  overdue: boolean;
  counting: 'calendar' | 'working';
  basis: string[];
  unsure: boolean;
  party: 'reporter' | 'bawaslu' | 'bkn' | 'ppk' | string;
  roles: string[];
}

export interface Person {
  id: string;
  name: string;
}

export interface Lock {
  holderId: string;
  holderName: string;
  until: string;
  mine: boolean;
}

export interface CaseSummary {
  id: string;
  number: string;
  state: string;
  stateLabel: string;
  election: { id: string; name: string };
  region: { code: string; name: string };
  agencyId: number | null;
  summary: string;
  actCodes: string[];
  receivedOn: string;
  nextDeadline: Deadline | null;
  assignee: Person | null;
  lock: Lock | null;
  siasnBlockRecommended: boolean;
  escalatedTo: string | null;
  version: number;
  updatedAt: string;
  closedAt: string | null;
}

export interface CaseList {
  total: number;
  limit: number;
  offset: number;
  items: CaseSummary[];
  bulkTransitions: Array<{ code: string; label: string }>;
}

export interface TransitionField {
  code: string;
  label: string;
  expected: string;
  kind: 'codes' | 'choice' | 'text' | 'date';
  options?: Array<{ code: string; label: string; group?: string }>;
}

export interface TransitionOption {
  code: string;
  label: string;
  to: string;
  toLabel: string;
  noteRequired: boolean;
  public: boolean;
  fields: TransitionField[];
}

export interface SanctionSuggestion {
  acts: Array<{ code: string; description: string }>;
  ethics: { applies: boolean; acts: string[]; sanctionTypes: Array<{ code: string; label: string }> };
  discipline: { level: string; levelLabel: string; alternativeLevel: string | null; determinedBy: string[]; sanctionTypes: Array<{ code: string; label: string }> };
  unsure: Array<{ act: string; alternative: string; note: string }>;
  notes: string[];
  basis: string[];
}

export interface CaseDetail extends CaseSummary {
  otherClass: string | null;
  today: string;
  deadlines: Deadline[];
  transitions: TransitionOption[];
  canHandle: boolean;
  sanctionSuggestion: SanctionSuggestion | null;
  sanction: {
    types: Array<{ code: string; label: string; basis: string }>;
    decreeNumber: string;
    decreeDate: string;
    recordedOn: string;
    recordedBy: Person | null;
    warnings: Array<{ code: string; message: string }>;
  } | null;
  reports: Array<{
    id: string;
    receiptNumber: string;
    source: string;
    receivedAt: string;
    place: string;
    occurredOn: string;
    reportedName: string;
    reportedPosition: string | null;
    reportedAgency: string | null;
    anonymous: boolean;
    lateByDays: number;
    actCodes: string[];
    excerpt: string;
    evidenceCount: number;
  }>;
  timeline: Array<{
    id: number;
    at: string;
    kind: string;
    transition: string | null;
    transitionLabel: string | null;
    toStateLabel: string | null;
    note: string | null;
    data: unknown;
    public: boolean;
    actor: Person | null;
  }>;
  auditTrail: Array<{ seq: number; at: string; action: string; actor: Person | null; actorRole: string | null }>;
}

export interface TransitionResult {
  caseId: string;
  to: string;
  toLabel: string;
  version: number;
  warnings: Array<{ code: string; message: string }>;
}

export interface BulkResult {
  succeeded: number;
  failed: number;
  results: Array<{ caseId: string; ok: boolean; status: number; code: string | null; message: string | null }>;
}
