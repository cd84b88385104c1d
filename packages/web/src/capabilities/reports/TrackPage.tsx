/**
 * /lacak: follow a report with its receipt number and secret. Shows the status, the public
 * timeline, what Bawaslu asks for and by when, the reporter's own evidence (copies without
 * metadata), and the conversation with Bawaslu (messages/ReporterThread.tsx). The secret is kept in
 * memory only and sent in POST bodies.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiRequestError, fieldErrors, ok, withSession } from '../../lib/api.ts';
import { formatDate, formatDateTime, LONG_DATE } from '../../lib/format.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import { ReporterThread } from '../messages/ReporterThread.tsx';
import { formatBytes, type TrackView } from './api.ts';
import { messages } from './messages.ts';
import { InputField } from './ReportFields.tsx';
import './reports.css';

/** When something happened to the report, in Jakarta time as the officials record it. */
const formatInstant = (at: string, language: 'id' | 'en') => formatDateTime(at, language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' });

export function TrackPage() {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const [receiptNumber, setReceiptNumber] = useState(() => new URLSearchParams(location.search).get('tanda') ?? '');
  const [secret, setSecret] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [view, setView] = useState<TrackView | null>(null);
  const [busy, setBusy] = useState(false);

  // A photo's metadata-free copy is made by a job just after filing (usually within seconds): while
  // one is pending, ask again quietly after 3, 6, 12 … s, six times at most (about three minutes),
  // so its thumbnail appears without a reload and the address's hourly tracking allowance is spared.
  const [refreshes, setRefreshes] = useState(0);
  const previewPending = view?.evidence.some((e) => e.previewPending) ?? false;
  useEffect(() => {
    if (!previewPending || refreshes >= 6) return;
    const timer = setTimeout(() => {
      void ok(api.POST('/reports/track', { body: { receiptNumber: receiptNumber.trim(), secret: secret.trim() }, ...withSession(language) }))
        .then(setView, () => undefined)
        .finally(() => setRefreshes((n) => n + 1));
    }, 3000 * 2 ** refreshes);
    return () => clearTimeout(timer);
    // Only a new answer (or a new round) schedules the next ask.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view, refreshes]);

  async function load(event?: FormEvent) {
    event?.preventDefault();
    setRefreshes(0);
    const missing: Record<string, string> = {};
    if (!receiptNumber.trim()) missing.receiptNumber = t.required;
    if (!secret.trim()) missing.secret = t.required;
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    setProblem(null);
    try {
      setView(await ok(api.POST('/reports/track', { body: { receiptNumber: receiptNumber.trim(), secret: secret.trim() }, ...withSession(language) })));
    } catch (error) {
      setView(null);
      setErrors(fieldErrors(error));
      setProblem(error instanceof ApiRequestError && error.status !== 0 ? (error.body?.error.message ?? t.loadError) : t.networkError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="report-page">
      <h1>{t.trackTitle}</h1>
      <p className="lead">{t.trackLead}</p>
      <form className="card form" onSubmit={load} noValidate>
        {problem && (
          <p className="alert" role="alert">
            {problem}
          </p>
        )}
        <InputField name="receiptNumber" label={t.receiptNumber} value={receiptNumber} onChange={setReceiptNumber} error={errors.receiptNumber} />
        <InputField name="secret" label={t.secret} value={secret} onChange={setSecret} error={errors.secret} />
        <button type="submit" disabled={busy}>
          {busy ? t.loading : t.track}
        </button>
      </form>

      {view && (
        <div className="track-view" data-testid="track-view">
          <section className="card">
            <p className="muted">
              {t.caseNumber} <span className="mono">{view.caseNumber}</span>
            </p>
            <h2>
              {t.status}: <span data-testid="track-status">{view.stateLabel}</span>
            </h2>
            {view.lateByDays > 0 && <p className="muted">{t.lateNote(view.lateByDays)}</p>}
          </section>

          {view.informationRequest && (
            <section className="card info-request" role="region" aria-label={t.infoRequested}>
              <h3>{t.infoRequested}</h3>
              {view.informationRequest.message && <p>{view.informationRequest.message}</p>}
              {view.informationRequest.missing.length > 0 && (
                <>
                  <p>{t.infoMissing}</p>
                  <ul>
                    {view.informationRequest.missing.map((item) => (
                      <li key={item}>{item}</li>
                    ))}
                  </ul>
                </>
              )}
              <p>
                <strong>{t.infoDue(formatDate(view.informationRequest.dueOn, language, LONG_DATE))}</strong>
              </p>
              {view.informationRequest.overdue && <p className="muted">{t.infoOverdue}</p>}
            </section>
          )}
          {/* The conversation with Bawaslu: answers, more information and files at any stage before the case is finished. */}
          <ReporterThread key={view.receiptNumber} credentials={{ receiptNumber: view.receiptNumber, secret: secret.trim() }} onSent={() => void load()} />

          <section className="card">
            <h3>{t.timeline}</h3>
            <ol className="track-timeline">
              {view.timeline.map((entry, i) => (
                <li key={`${entry.at}-${i}`}>
                  <span className="muted">{formatInstant(entry.at, language)}</span> <span>{entry.label}</span>
                </li>
              ))}
            </ol>
          </section>

          {view.evidence.length > 0 && (
            <section className="card">
              <h3>{t.yourEvidence}</h3>
              <ul className="thumbnails">
                {view.evidence.map((e) => (
                  <li key={e.id}>
                    {e.thumbnailUrl ? <img src={e.thumbnailUrl} alt={`${e.kind} ${formatBytes(e.sizeBytes)}`} loading="lazy" /> : <span className="no-preview">{e.kind}</span>}
                    <span className="muted">
                      {e.kind} · {formatBytes(e.sizeBytes)}
                      {!e.thumbnailUrl && ` · ${e.previewPending ? t.previewPending : t.noPreview}`}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      )}
    </section>
  );
}
