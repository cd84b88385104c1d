/** Upload a CSV of NIPs (pledges or attendance) with progress, then show what was recorded and every line refused. */
import { DataTable, ImportPanel } from '../../components/kit.ts';
import type { ApiResponse } from '../../lib/api.ts';
import { useMessages } from '../../lib/i18n.tsx';
import { messages } from './messages.ts';

/** The same summary for pledges and attendance. */
export type LineImportResult = ApiResponse<'/prevention/{electionId}/pledges/import', 'post'>;

export function NipImport({ path, help, onDone }: { path: string; help: string; onDone(): void }) {
  const t = useMessages(messages);
  return (
    <ImportPanel<LineImportResult> endpoint={path} inputId={`csv-${path}`} fileLabel={t.file} accept=".csv,text/csv,text/plain" help={help} submitLabel={t.upload} onDone={onDone}>
      {(result) => (
        <>
          <p className="dash-ok">{t.importResult(result.lines, result.recorded, result.alreadyRecorded, result.rejectedTotal)}</p>
          {result.rejected.length > 0 && (
            <>
              <DataTable
                className="dash-table"
                scrollClassName="dash-scroll"
                rows={result.rejected}
                rowKey={(r) => r.line}
                columns={[
                  { key: 'line', header: t.line, className: 'num', cell: (r) => r.line },
                  { key: 'nip', header: t.nip, cellClassName: 'mono', cell: (r) => r.nip },
                  { key: 'reason', header: t.reason, cell: (r) => r.message },
                ]}
              />
              {result.rejectedTotal > result.rejected.length && <p className="hint">{t.rejectedMore(result.rejected.length, result.rejectedTotal)}</p>}
            </>
          )}
        </>
      )}
    </ImportPanel>
  );
}
