/** Shapes of the register API as the console uses them. */
export interface AsnSummary {
  id: number;
  nip: string;
  name: string;
  kind: string;
  positionTitle: string;
  positionType: string;
  positionTypeLabel: string;
  grade: string | null;
  active: boolean;
  regionCode: string;
  regionName: string;
  agencyId: number;
  agencyName: string;
  unitName: string | null;
}

export interface AsnDetail extends AsnSummary {
  nipFormatted: string;
  gender: string;
  birthDate: string;
  positionStart: string | null;
  agencyCode: string;
  updatedAt: string;
  positions: Array<{ positionTitle: string; positionTypeLabel: string; grade: string | null; agencyName: string; unitName: string | null; regionCode: string; startedOn: string | null; endedOn: string | null; endedAt: string }>;
  reports: Array<{ id: string; receiptNumber: string; source: string; occurredOn: string; receivedAt: string; caseId: string; caseNumber: string }>;
  cases: Array<{ id: string; number: string; state: string; electionId: string; receivedOn: string; closedAt: string | null; nextDeadlineDue: string | null }>;
}

export interface Agency {
  id: number;
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
}

export interface ImportStatus {
  id: string;
  source: string;
  fileName: string;
  fileFormat: 'csv' | 'xlsx';
  fileBytes: number;
  status: 'queued' | 'reading' | 'merging' | 'done' | 'failed';
  interrupted: boolean;
  bytesRead: number;
  rowsRead: number;
  inserted: number | null;
  updated: number | null;
  unchanged: number | null;
  rejected: number | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  searchIndexed: boolean;
  createdByName: string | null;
}

export interface ColumnDoc {
  key: string;
  aliases: string[];
  required: 'yes' | 'no' | 'conditional';
  requirementNote: string | null;
  format: string;
  example: string;
  description: string;
}
