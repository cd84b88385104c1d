/** Upload a CSV of NIPs with progress, then show what was recorded and every line refused. */
import { useState, type FormEvent } from 'react';
import { apiUpload, ApiRequestError } from '../../lib/api.ts';
import { useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { messages } from './messages.ts';

export interface LineImportResult {
  lines: number;
  recorded: number;
  alreadyRecorded: number;
  rejectedTotal: number;
  rejected: Array<{ line: number; nip: string; reason: string; message: string }>;
}

export function CsvImport({ path, help, onDone }: { path: string; help: string; onDone(): void }) {
  const t = useMessages(messages);
  const { language } = useI18n();
  const session = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<LineImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    setProgress(0);
    setError(null);
    setResult(null);
    try {
      setResult(await apiUpload<LineImportResult>(path, form, language, { csrfToken: session.csrfToken, onProgress: (f) => setProgress(Math.round(f * 100)) }));
      onDone();
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : String(e));
    } finally {
      setProgress(null);
    }
  }

  return (
    <form className="dash-form" onSubmit={submit}>
      <p className="hint wide">{help}</p>
      <div>
        <label htmlFor={`csv-${path}`}>{t.file}</label>
        <input id={`csv-${path}`} type="file" accept=".csv,text/csv,text/plain" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <div>
        <button type="submit" disabled={!file || progress !== null}>
          {progress !== null ? t.uploading(progress) : t.upload}
        </button>
      </div>
      {progress !== null && <progress className="wide" max={100} value={progress} />}
      {error && (
        <p className="field-error wide" role="alert">
          {error}
        </p>
      )}
      {result && (
        <div className="wide" aria-live="polite">
          <p className="dash-ok">{t.importResult(result.lines, result.recorded, result.alreadyRecorded, result.rejectedTotal)}</p>
          {result.rejected.length > 0 && (
            <div className="dash-scroll">
              <table className="dash-table">
                <thead>
                  <tr>
                    <th className="num">{t.line}</th>
                    <th>{t.nip}</th>
                    <th>{t.reason}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.rejected.map((r) => (
                    <tr key={r.line}>
                      <td className="num">{r.line}</td>
                      <td className="mono">{r.nip}</td>
                      <td>{r.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {result.rejectedTotal > result.rejected.length && <p className="hint">{t.rejectedMore(result.rejected.length, result.rejectedTotal)}</p>}
            </div>
          )}
        </div>
      )}
    </form>
  );
}
