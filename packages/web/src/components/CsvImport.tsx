/**
 * The CSV import panel of the console's small imports (candidate pairs, rotations): a file, a
 * template to download, and the summary with every refused line and its reasons. The server
 * answers each import with the same shape of summary.
 */
import { useRef, useState, type FormEvent } from 'react';
import { apiUpload, fieldErrors } from '../lib/api.ts';
import { defineMessages, useI18n, useMessages } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';

export interface ImportSummary {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rows: Array<{ line: number; status: string; reasons?: Array<{ column: string; message: string }> }>;
}

const messages = defineMessages({
  id: {
    importTitle: 'Impor dari CSV',
    import: 'Impor',
    template: 'Unduh templat CSV',
    importSummary: (i: number, u: number, s: number, r: number) => `${i} ditambahkan, ${u} diperbarui, ${s} tidak berubah, ${r} ditolak.`,
    line: 'Baris',
    chooseFile: 'Pilih berkas CSV.',
  },
  en: {
    importTitle: 'Import from CSV',
    import: 'Import',
    template: 'Download the CSV template',
    importSummary: (i: number, u: number, s: number, r: number) => `${i} inserted, ${u} updated, ${s} unchanged, ${r} rejected.`,
    line: 'Line',
    chooseFile: 'Choose a CSV file.',
  },
});

export function CsvImport({ endpoint, templateHref, inputId, fileLabel, onDone }: { endpoint: string; templateHref: string; inputId: string; fileLabel: string; onDone(): void }) {
  const { language } = useI18n();
  const t = useMessages(messages);
  const session = useSession();
  const file = useRef<HTMLInputElement>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = file.current?.files?.[0];
    if (!chosen) return setError(t.chooseFile);
    const form = new FormData();
    form.append('file', chosen);
    try {
      setError(null);
      setSummary(await apiUpload<ImportSummary>(endpoint, form, language, { csrfToken: session.csrfToken }));
      onDone();
    } catch (failure) {
      setError(fieldErrors(failure).file ?? (failure instanceof Error ? failure.message : String(failure)));
    }
  }
  return (
    <details className="card reg-details">
      <summary>{t.importTitle}</summary>
      <form onSubmit={submit} className="reg-actions" noValidate>
        <label htmlFor={inputId}>{fileLabel}</label>
        <input id={inputId} ref={file} type="file" accept=".csv,text/csv" />
        <button type="submit">{t.import}</button>
        <a href={templateHref} download>
          {t.template}
        </a>
      </form>
      {error && <p className="field-error">{error}</p>}
      {summary && (
        <div role="status">
          <p>{t.importSummary(summary.inserted, summary.updated, summary.unchanged, summary.rejected)}</p>
          <ul>
            {summary.rows
              .filter((r) => r.status === 'rejected')
              .map((r) => (
                <li key={r.line}>
                  {t.line} {r.line}: {r.reasons?.map((x) => `${x.column}: ${x.message}`).join('; ')}
                </li>
              ))}
          </ul>
        </div>
      )}
    </details>
  );
}
