/**
 * "Ekspor": a list or table as XLSX or CSV with the filter on screen (the server adds the
 * viewer's scope to the query and audits the export). Small exports come back at
 * once and download; large ones run as a job on the server, whose progress (rows written out of
 * the total) is shown until the file is ready.
 */
import { useEffect, useState } from 'react';
import { api, ApiRequestError, ok, withSession, type ApiResponse } from '../lib/api.ts';
import { useI18n, useMessages } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { kitMessages as messages } from './messages.ts';
import './kit.css';

type ExportJob = ApiResponse<'/exports/{id}'>;

const POLL_MS = 1000;

function download(url: string) {
  const link = document.createElement('a');
  link.href = url;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

export interface ExportButtonsProps {
  /** An export source of the server (capabilities/exports/sources.ts). */
  source: string;
  /** The list's filter, as its screen sends it to the list's API. */
  filter: Record<string, unknown>;
  /** What is exported, for the buttons' accessible names ("Ekspor <what> (XLSX)"). */
  what: string;
}

export function ExportButtons({ source, filter, what }: ExportButtonsProps) {
  const t = useMessages(messages);
  const { language } = useI18n();
  const session = useSession();
  const [job, setJob] = useState<ExportJob | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!job || (job.status !== 'queued' && job.status !== 'running')) return;
    const timer = setTimeout(() => {
      ok(api.GET('/exports/{id}', { params: { path: { id: job.id } }, ...withSession(language) })).then(
        (next) => {
          setJob(next);
          if (next.status === 'done' && next.downloadUrl) download(next.downloadUrl);
        },
        (e: Error) => setError(e.message),
      );
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job, language]);

  async function start(format: 'xlsx' | 'csv') {
    setBusy(true);
    setError(null);
    try {
      // Empty fields of a filter form are no filter.
      const chosen = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== '' && value !== undefined && value !== null));
      const started = await ok(api.POST('/exports', { body: { source, format, filter: chosen }, ...withSession(language, session.csrfToken) }));
      setJob(started);
      if (started.status === 'done' && started.downloadUrl) download(started.downloadUrl);
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  const running = job && (job.status === 'queued' || job.status === 'running');
  return (
    <div className="export-buttons" role="group" aria-label={t.exportLabel(what)}>
      <button type="button" className="kit-secondary kit-export-button" disabled={busy || Boolean(running)} onClick={() => start('xlsx')} aria-label={`${t.exportLabel(what)} (XLSX)`}>
        ⬇ {t.exportXlsx}
      </button>
      <button type="button" className="kit-secondary kit-export-button" disabled={busy || Boolean(running)} onClick={() => start('csv')} aria-label={`${t.exportLabel(what)} (CSV)`}>
        ⬇ {t.exportCsv}
      </button>
      {busy && <span className="muted">{t.exporting}</span>}
      {running && (
        <span className="export-progress" aria-live="polite">
          <progress max={job.rowsTotal ?? 1} value={job.rowsWritten} />
          {t.exportProgress(job.rowsWritten, job.rowsTotal ?? 0)}
        </span>
      )}
      {job?.status === 'done' && job.downloadUrl && job.rowsTotal !== null && job.rowsTotal > 0 && (
        <a href={job.downloadUrl} className="export-ready">
          {t.exportReady} ({job.fileName})
        </a>
      )}
      {(error || job?.status === 'failed' || job?.status === 'interrupted') && (
        <span className="field-error" role="alert">
          {t.exportFailed}: {error ?? job?.error ?? job?.status}
        </span>
      )}
    </div>
  );
}
