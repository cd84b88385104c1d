import { useEffect, useRef, useState, type FormEvent } from 'react';
import { LoadError } from '../../components/LoadError.tsx';
import { apiGet, apiUpload, fieldErrors, useApi, ApiRequestError } from '../../lib/api.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import type { ColumnDoc, ImportStatus } from './api.ts';
import { messages } from './messages.ts';
import { Pager } from './Pager.tsx';
import './register.css';

const POLL_MS = 700;
const LIMIT = 10;
const running = (s: ImportStatus) => (s.status === 'queued' || s.status === 'reading' || s.status === 'merging') && !s.interrupted;

/** Where an import stands: phase, rows, a bar from the bytes read; then its summary. */
function ImportProgress({ status }: { status: ImportStatus }) {
  const { language } = useI18n();
  const t = useMessages(messages);
  const number = (n: number | null) => (n ?? 0).toLocaleString(language === 'id' ? 'id-ID' : 'en-GB');
  if (running(status)) {
    const fraction = status.status === 'merging' ? 1 : status.fileBytes > 0 ? status.bytesRead / status.fileBytes : 0;
    return (
      <div className="reg-progress" role="status" aria-live="polite">
        <strong>{t.phase[status.status]}</strong>
        <progress max={1} value={fraction} aria-label={t.phase[status.status]} />
        <span className="muted">{t.rowsRead(number(status.rowsRead))}</span>
      </div>
    );
  }
  if (status.status === 'failed' || status.interrupted) {
    return (
      <div className="reg-alert" role="alert">
        <strong>{t.phase.failed}:</strong> {status.error}
      </div>
    );
  }
  return (
    <section className="card" aria-labelledby="import-summary">
      <h2 id="import-summary">
        {t.summaryTitle}: {status.fileName}
      </h2>
      <dl className="reg-summary">
        <div>
          <dt>{t.inserted}</dt>
          <dd data-testid="summary-inserted">{number(status.inserted)}</dd>
        </div>
        <div>
          <dt>{t.updated}</dt>
          <dd data-testid="summary-updated">{number(status.updated)}</dd>
        </div>
        <div>
          <dt>{t.unchanged}</dt>
          <dd data-testid="summary-unchanged">{number(status.unchanged)}</dd>
        </div>
        <div className={status.rejected ? 'bad' : undefined}>
          <dt>{t.rejected}</dt>
          <dd data-testid="summary-rejected">{number(status.rejected)}</dd>
        </div>
      </dl>
      {status.rejected ? (
        <>
          <p>
            <a href={`/api/v1/register/imports/${status.id}/rejected?lang=${language}`} download>
              {t.downloadRejected}
            </a>
          </p>
          <p className="muted">{t.rejectedHint}</p>
        </>
      ) : (
        <p>{t.noneRejected}</p>
      )}
      {!status.searchIndexed && <p className="reg-note">{t.searchIndexPending}</p>}
    </section>
  );
}

function ColumnsDoc() {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const [state, reload] = useApi<ColumnDoc[]>('/register/columns', language);
  const required = { yes: t.requiredYes, no: t.requiredNo, conditional: t.requiredConditional };
  return (
    <details className="card reg-details">
      <summary>{t.formatTitle}</summary>
      <p>{t.formatLead}</p>
      <p className="reg-actions">
        <a href={`/api/v1/register/template.csv?lang=${language}`} download>
          {t.templateCsv}
        </a>
        <a href={`/api/v1/register/template.xlsx?lang=${language}`} download>
          {t.templateXlsx}
        </a>
      </p>
      {state.status === 'error' && <LoadError error={state.error} onRetry={reload} />}
      {state.status === 'ready' && (
        <div className="reg-scroll">
          <table className="reg-table">
            <thead>
              <tr>
                <th>{t.column}</th>
                <th>{t.required}</th>
                <th>{t.format}</th>
                <th>{t.example}</th>
              </tr>
            </thead>
            <tbody>
              {state.data.map((c) => (
                <tr key={c.key}>
                  <td>
                    <code>{c.key}</code>
                    <span className="sub">{c.description}</span>
                    {c.aliases.length > 0 && (
                      <span className="sub">
                        {t.alsoAccepted}: {c.aliases.join(', ')}
                      </span>
                    )}
                  </td>
                  <td>
                    {required[c.required]}
                    {c.requirementNote && <span className="sub">{c.requirementNote}</span>}
                  </td>
                  <td>{c.format}</td>
                  <td className="mono">{c.example}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}

export function RegisterImportPage() {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const session = useSession();
  const scope = session.user!.scope;
  const regencyScope = scope.kind === 'region' && /^\d{2}\.\d{2}$/.test(scope.regionCode) ? scope.regionCode : null;
  const fileInput = useRef<HTMLInputElement>(null);
  const [regionCode, setRegionCode] = useState(regencyScope ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [uploadFraction, setUploadFraction] = useState<number | null>(null);
  const [current, setCurrent] = useState<ImportStatus | null>(null);
  const [offset, setOffset] = useState(0);
  const [history, reloadHistory] = useApi<{ total: number; items: ImportStatus[] }>(`/register/imports?limit=${LIMIT}&offset=${offset}`, language);

  // Poll the running import until it finishes.
  useEffect(() => {
    if (!current || !running(current)) return;
    const timer = setTimeout(async () => {
      try {
        setCurrent(await apiGet<ImportStatus>(`/register/imports/${current.id}`, language));
      } catch {
        // A dropped poll is retried on the next tick.
        setCurrent({ ...current });
      }
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [current, language]);
  useEffect(() => {
    if (current && !running(current)) reloadHistory();
  }, [current?.status, current?.interrupted, reloadHistory]); // eslint-disable-line react-hooks/exhaustive-deps

  async function submit(event: FormEvent) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    setFormError(null);
    if (!file) {
      setErrors({ file: t.chooseFile });
      return;
    }
    setErrors({});
    const form = new FormData();
    form.append('regionCode', regionCode.trim());
    form.append('file', file);
    setUploadFraction(0);
    setCurrent(null);
    try {
      const started = await apiUpload<ImportStatus>('/register/imports', form, language, { csrfToken: session.csrfToken, onProgress: setUploadFraction });
      setCurrent(started);
    } catch (error) {
      const fields = fieldErrors(error);
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFormError(error instanceof ApiRequestError ? error.message : t.loadError);
    } finally {
      setUploadFraction(null);
    }
  }

  const number = (n: number | null) => (n ?? 0).toLocaleString(language === 'id' ? 'id-ID' : 'en-GB');
  return (
    <>
      <h1>{t.importTitle}</h1>
      <p className="lead">{t.importLead}</p>
      <form className="card reg-form" onSubmit={submit} noValidate>
        <div className="wide">
          <label htmlFor="import-file">{t.file}</label>
          <input
            id="import-file"
            ref={fileInput}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={errors.file ? true : undefined}
            aria-describedby="import-file-hint"
          />
          <span id="import-file-hint" className="muted" style={{ fontSize: '0.8rem' }}>
            {t.fileHint}
          </span>
          {errors.file && <p className="field-error">{errors.file}</p>}
        </div>
        <div>
          <label htmlFor="import-region">{t.defaultRegion}</label>
          <input id="import-region" value={regionCode} onChange={(e) => setRegionCode(e.target.value)} readOnly={regencyScope !== null} aria-invalid={errors.regionCode ? true : undefined} />
          <span className="muted" style={{ fontSize: '0.8rem' }}>
            {t.defaultRegionHint}
          </span>
          {errors.regionCode && <p className="field-error">{errors.regionCode}</p>}
        </div>
        <div className="wide reg-actions">
          <button type="submit" disabled={uploadFraction !== null || (current !== null && running(current))}>
            {uploadFraction !== null ? t.uploading : t.upload}
          </button>
        </div>
        {uploadFraction !== null && (
          <div className="wide reg-progress" role="status">
            <span>{t.uploadProgress(Math.round(uploadFraction * 100))}</span>
            <progress max={1} value={uploadFraction} />
          </div>
        )}
        {formError && (
          <p className="wide reg-alert" role="alert">
            {formError}
          </p>
        )}
      </form>
      {current && <ImportProgress status={current} />}
      <ColumnsDoc />
      <h2>{t.importsTitle}</h2>
      {history.status === 'error' && <LoadError error={history.error} onRetry={reloadHistory} />}
      {history.status === 'ready' && history.data.items.length === 0 && <p className="reg-empty">{t.noImports}</p>}
      {history.status === 'ready' && history.data.items.length > 0 && (
        <>
          <div className="reg-scroll">
            <table className="reg-table">
              <thead>
                <tr>
                  <th>{t.when}</th>
                  <th>{t.fileName}</th>
                  <th>{t.who}</th>
                  <th>{t.status}</th>
                  <th>{t.counts}</th>
                </tr>
              </thead>
              <tbody>
                {history.data.items.map((i) => (
                  <tr key={i.id}>
                    <td>{new Date(i.createdAt).toLocaleString(language === 'id' ? 'id-ID' : 'en-GB')}</td>
                    <td>{i.fileName}</td>
                    <td>{i.createdByName ?? t.cli}</td>
                    <td>
                      <span className={`reg-status reg-status-${i.interrupted ? 'failed' : i.status}`}>{t.phase[i.interrupted ? 'failed' : i.status]}</span>
                      {i.error && <span className="sub">{i.error}</span>}
                    </td>
                    <td>
                      {i.status === 'done' && (
                        <>
                          {t.inserted} {number(i.inserted)} · {t.updated} {number(i.updated)} · {t.unchanged} {number(i.unchanged)} · {t.rejected} {number(i.rejected)}
                          {i.rejected ? (
                            <span className="sub">
                              <a href={`/api/v1/register/imports/${i.id}/rejected?lang=${language}`} download>
                                {t.downloadRejected}
                              </a>
                            </span>
                          ) : null}
                        </>
                      )}
                      {running(i) && t.rowsRead(number(i.rowsRead))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager total={history.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />
        </>
      )}
    </>
  );
}
