/** /konsol/penapisan/impor: upload a JSONL/CSV of monitored posts, with progress and a result summary. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { apiUpload, ApiRequestError, fieldErrors, useApi } from '../../lib/api.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { defaultElection, type ElectionSummary, type ImportSummary } from './api.ts';
import { messages } from './messages.ts';
import './screening.css';

function Summary({ summary }: { summary: ImportSummary }) {
  const { language } = useI18n();
  const t = useMessages(messages);
  const number = (n: number) => n.toLocaleString(language === 'id' ? 'id-ID' : 'en-GB');
  const figures: Array<[string, number, boolean]> = [
    [t.lines, summary.lines, false],
    [t.imported, summary.imported, false],
    [t.duplicates, summary.duplicates, false],
    [t.rejected, summary.rejected, summary.rejected > 0],
    [t.accountsCreated, summary.accountsCreated, false],
    [t.linkProposals, summary.linkProposals, false],
  ];
  const table = (title: string, lines: ImportSummary['rejectedLines'], testId: string) =>
    lines.length > 0 && (
      <>
        <h3>{title}</h3>
        <div className="scr-scroll">
          <table className="scr-table" data-testid={testId}>
            <thead>
              <tr>
                <th>{t.line}</th>
                <th>{t.reason}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.line}>
                  <td className="mono">{l.line}</td>
                  <td>{l.reasons.map((r) => r.message).join(' ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </>
    );
  return (
    <section className="card" aria-labelledby="screening-import-summary">
      <h2 id="screening-import-summary">
        {t.summaryTitle}: {summary.fileName}
      </h2>
      <dl className="scr-summary">
        {figures.map(([label, value, bad]) => (
          <div key={label} className={bad ? 'bad' : undefined}>
            <dt>{label}</dt>
            <dd>{number(value)}</dd>
          </div>
        ))}
      </dl>
      {summary.truncated && (
        <p className="scr-alert" role="alert">
          {t.truncated}
        </p>
      )}
      {table(t.rejectedLines, summary.rejectedLines, 'rejected-lines')}
      {table(t.warnings, summary.warnings, 'import-warnings')}
      <p>
        <Link href="/konsol/penapisan">{t.toQueue}</Link>
      </p>
    </section>
  );
}

export function ImportPage() {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const session = useSession();
  const scope = session.user!.scope;
  const fileInput = useRef<HTMLInputElement>(null);
  const [elections] = useApi<{ items: ElectionSummary[] }>('/elections', language);
  const [electionId, setElectionId] = useState('');
  const [regionCode, setRegionCode] = useState(scope.kind === 'region' ? scope.regionCode : '');
  const [progress, setProgress] = useState<number | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    if (elections.status === 'ready' && !electionId) setElectionId(defaultElection(elections.data.items));
  }, [elections, electionId]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    setFormError(null);
    if (!file) {
      setErrors({ file: t.chooseFile });
      return;
    }
    setErrors({});
    setSummary(null);
    // Fields before the file: the server reads them as the upload streams in.
    const form = new FormData();
    form.append('electionId', electionId);
    form.append('regionCode', regionCode.trim());
    form.append('file', file);
    setProgress(0);
    try {
      setSummary(await apiUpload<ImportSummary>('/screening/posts/import', form, language, { csrfToken: session.csrfToken, onProgress: setProgress }));
    } catch (error) {
      const fields = fieldErrors(error);
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFormError(error instanceof ApiRequestError ? error.message : t.loadError);
    } finally {
      setProgress(null);
    }
  }

  return (
    <>
      <h1>{t.importTitle}</h1>
      <p className="lead">{t.importLead}</p>
      <form className="card scr-form" onSubmit={submit} noValidate>
        <div>
          <label htmlFor="import-election">{t.election}</label>
          <select id="import-election" value={electionId} onChange={(e) => setElectionId(e.target.value)}>
            {elections.status === 'ready' &&
              elections.data.items.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
          </select>
        </div>
        <div>
          <label htmlFor="import-region">{t.defaultRegion}</label>
          <input id="import-region" value={regionCode} onChange={(e) => setRegionCode(e.target.value)} placeholder="35.10" />
          {errors.regionCode && <p className="field-error">{errors.regionCode}</p>}
        </div>
        <div className="wide">
          <label htmlFor="import-file">{t.file}</label>
          <input id="import-file" ref={fileInput} type="file" accept=".jsonl,.ndjson,.json,.csv,text/csv,application/x-ndjson" />
          {errors.file && <p className="field-error">{errors.file}</p>}
        </div>
        <div className="wide">
          <button type="submit" disabled={progress !== null}>
            {t.upload}
          </button>
        </div>
        {progress !== null && (
          <div className="scr-progress wide" role="status" aria-live="polite">
            <span>{t.uploading}</span>
            <progress max={1} value={progress} aria-label={t.uploading} />
          </div>
        )}
        {formError && (
          <p className="scr-alert wide" role="alert">
            {formError}
          </p>
        )}
      </form>
      {summary && <Summary summary={summary} />}
    </>
  );
}
