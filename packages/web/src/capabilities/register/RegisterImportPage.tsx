import { useEffect, useRef, useState, type FormEvent } from 'react';
import { DataTable, EmptyState, Field, Loaded, LoadError, Notice, Pager, PageSection, StatCards, UploadProgress, useUpload } from '../../components/kit.ts';
import { apiGet, useApi, type ApiResponse } from '../../lib/api.ts';
import { formatCount, formatTimestamp } from '../../lib/format.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import type { ColumnDoc, ImportList, ImportStatus } from './api.ts';
import { messages } from './messages.ts';
import './register.css';

const POLL_MS = 700;
const LIMIT = 10;
const running = (s: ImportStatus) => (s.status === 'queued' || s.status === 'reading' || s.status === 'merging') && !s.interrupted;

/** Where an import stands: phase, rows, a bar from the bytes read; then its summary. */
function ImportProgress({ status }: { status: ImportStatus }) {
  const { language } = useI18n();
  const t = useMessages(messages);
  const number = (n: number | null) => formatCount(n, language);
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
    <PageSection
      className="card"
      id="import-summary"
      title={
        <>
          {t.summaryTitle}: {status.fileName}
        </>
      }
    >
      <StatCards
        className="reg-summary"
        items={[
          { label: t.inserted, value: number(status.inserted), testId: 'summary-inserted' },
          { label: t.updated, value: number(status.updated), testId: 'summary-updated' },
          { label: t.unchanged, value: number(status.unchanged), testId: 'summary-unchanged' },
          { label: t.rejected, value: number(status.rejected), testId: 'summary-rejected', tone: status.rejected ? 'bad' : undefined },
        ]}
      />
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
    </PageSection>
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
        <DataTable
          className="reg-table"
          scrollClassName="reg-scroll"
          rows={state.data}
          rowKey={(c) => c.key}
          columns={[
            {
              key: 'column',
              header: t.column,
              cell: (c) => (
                <>
                  <code>{c.key}</code>
                  <span className="sub">{c.description}</span>
                  {c.aliases.length > 0 && (
                    <span className="sub">
                      {t.alsoAccepted}: {c.aliases.join(', ')}
                    </span>
                  )}
                </>
              ),
            },
            {
              key: 'required',
              header: t.required,
              cell: (c) => (
                <>
                  {required[c.required]}
                  {c.requirementNote && <span className="sub">{c.requirementNote}</span>}
                </>
              ),
            },
            { key: 'format', header: t.format, cell: (c) => c.format },
            { key: 'example', header: t.example, cellClassName: 'mono', cell: (c) => c.example },
          ]}
        />
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
  const { progress, errors, failure, upload } = useUpload<ApiResponse<'/register/imports', 'post'>>('/register/imports', t.chooseFile);
  const [current, setCurrent] = useState<ImportStatus | null>(null);
  const [offset, setOffset] = useState(0);
  const [history, reloadHistory] = useApi<ImportList>(`/register/imports?limit=${LIMIT}&offset=${offset}`, language);

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
    if (file) setCurrent(null);
    const started = await upload(file, { regionCode: regionCode.trim() });
    if (started) setCurrent(started);
  }

  const number = (n: number | null) => formatCount(n, language);
  return (
    <>
      <h1>{t.importTitle}</h1>
      <p className="lead">{t.importLead}</p>
      <form className="card reg-form" onSubmit={submit} noValidate>
        <Field id="import-file" className="wide" label={t.file} hint={t.fileHint} error={errors.file}>
          <input ref={fileInput} type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
        </Field>
        <Field id="import-region" label={t.defaultRegion} hint={t.defaultRegionHint} error={errors.regionCode}>
          <input value={regionCode} onChange={(e) => setRegionCode(e.target.value)} readOnly={regencyScope !== null} />
        </Field>
        <div className="wide reg-actions">
          <button type="submit" disabled={progress !== null || (current !== null && running(current))}>
            {progress !== null ? t.uploading : t.upload}
          </button>
        </div>
        {progress !== null && <UploadProgress className="wide reg-progress" fraction={progress} label={t.uploadProgress(Math.round(progress * 100))} />}
        <Notice tone="error" className="wide reg-alert">{failure}</Notice>
      </form>
      {current && <ImportProgress status={current} />}
      <ColumnsDoc />
      <h2>{t.importsTitle}</h2>
      <Loaded state={history} onRetry={reloadHistory} loading={null}>
        {(data) => (
          <>
            {(
              <DataTable
                className="reg-table"
                scrollClassName="reg-scroll"
                empty={<EmptyState className="reg-empty">{t.noImports}</EmptyState>}
                rows={data.items}
                rowKey={(i) => i.id}
                columns={[
                  { key: 'when', header: t.when, cell: (i) => formatTimestamp(i.createdAt, language) },
                  { key: 'file', header: t.fileName, cell: (i) => i.fileName },
                  { key: 'who', header: t.who, cell: (i) => i.createdByName ?? t.cli },
                  {
                    key: 'status',
                    header: t.status,
                    cell: (i) => (
                      <>
                        <span className={`reg-status reg-status-${i.interrupted ? 'failed' : i.status}`}>{t.phase[i.interrupted ? 'failed' : i.status]}</span>
                        {i.error && <span className="sub">{i.error}</span>}
                      </>
                    ),
                  },
                  {
                    key: 'counts',
                    header: t.counts,
                    cell: (i) => (
                      <>
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
                      </>
                    ),
                  },
                ]}
              />
            )}
            {<Pager className="reg-pager" total={data.total} limit={LIMIT} offset={offset} onChange={setOffset} />}
          </>
        )}
      </Loaded>
    </>
  );
}
