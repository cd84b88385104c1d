/**
 * /lapor: the public report form, built for a slow phone. One page in five short steps; the
 * draft survives a reload or a refused submission; uploads show their progress; errors appear
 * next to the field they concern, in the user's language, straight from the API.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { LoadError } from '../../components/LoadError.tsx';
import { api, apiUpload, ApiRequestError, fieldErrors, ok, useApi, withSession } from '../../lib/api.ts';
import { commonMessages, useI18n, useMessages, type Language } from '../../lib/i18n.tsx';
import type { FormInfo, Receipt, WindowStatus } from './api.ts';
import { messages } from './messages.ts';
import { ReceiptCard } from './ReceiptCard.tsx';
import { draftToFormData, ReportFields, useDraft, type ReportDraft } from './ReportFields.tsx';
import './reports.css';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a report filed now would be late, asked as soon as election, region and date are known. */
export function useReportWindow(draft: Pick<ReportDraft, 'electionId' | 'regionCode' | 'knownOn'>, language: Language): WindowStatus | null {
  const [status, setStatus] = useState<WindowStatus | null>(null);
  useEffect(() => {
    setStatus(null);
    if (!draft.electionId || !draft.regionCode || !ISO_DATE.test(draft.knownOn)) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const query = { electionId: draft.electionId, regionCode: draft.regionCode, knownOn: draft.knownOn };
      ok(api.GET('/reports/window', { params: { query }, signal: controller.signal, ...withSession(language) })).then(setStatus, () => setStatus(null));
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [draft.electionId, draft.regionCode, draft.knownOn, language]);
  return status;
}

export function WindowNotice({ status }: { status: WindowStatus | null }) {
  const t = useMessages(messages);
  if (!status || status.withinWindow) return null;
  return (
    <div className="alert window-warning" role="alert">
      <strong>{t.windowLate}</strong>
      <p>{status.warning}</p>
    </div>
  );
}

type Messages = (typeof messages)['id'];

/** Required fields checked before anything is uploaded; the server checks everything again. */
export function missingRequired(draft: ReportDraft, t: Messages, identityAsked: boolean): Record<string, string> {
  const missing: Record<string, string> = {};
  const required: Array<keyof ReportDraft> = ['electionId', 'regionCode', 'place', 'occurredOn', 'knownOn', 'description', 'reportedName'];
  for (const name of required) if (!String(draft[name]).trim()) missing[name] = t.required;
  if (identityAsked && !draft.anonymous && !draft.reporterName.trim()) missing.reporterName = t.required;
  return missing;
}

/** After errors appear, take the user to the first marked field. */
export function focusFirstError() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

export function ReportFormPage() {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const [info, reload] = useApi<FormInfo>('/reports/form', language);
  const [draft, update, reset] = useDraft('netra.report.draft');
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const windowStatus = useReportWindow(draft, language);

  useEffect(() => {
    if (info.status === 'ready' && !draft.electionId && info.data.elections[0]) update({ electionId: info.data.elections[0].id });
  }, [info, draft.electionId, update]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = missingRequired(draft, t, true);
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      setProblem(t.fixFields);
      focusFirstError();
      return;
    }
    setErrors({});
    setProblem(null);
    setProgress(0);
    try {
      const result = await apiUpload<Receipt>('/reports', draftToFormData(draft, files, 'public'), language, {
        onProgress: setProgress,
        headers: { 'idempotency-key': draft.idempotencyKey },
      });
      setReceipt(result);
      reset();
      setFiles([]);
      scrollTo({ top: 0 });
    } catch (error) {
      // Nothing typed is lost: the draft and the chosen files stay as they were.
      if (error instanceof ApiRequestError && error.status !== 0) {
        setErrors(fieldErrors(error));
        setProblem(error.body?.error.message ?? t.loadError);
        focusFirstError();
      } else {
        setProblem(t.networkError);
      }
    } finally {
      setProgress(null);
    }
  }

  if (receipt) {
    return (
      <section className="report-page">
        <ReceiptCard receipt={receipt} />
        <button type="button" className="secondary" onClick={() => setReceipt(null)}>
          {t.newReport}
        </button>
      </section>
    );
  }

  return (
    <section className="report-page">
      <h1>{t.formTitle}</h1>
      <p className="lead">{t.formLead}</p>
      {info.status === 'loading' && <p className="muted">{t.loading}</p>}
      {info.status === 'error' && <LoadError error={info.error} onRetry={reload} />}
      {info.status === 'ready' && (
        <form onSubmit={submit} noValidate className="report-form">
          {problem && (
            <div className="alert" role="alert">
              {problem}
            </div>
          )}
          <ReportFields mode="public" info={info.data} draft={draft} update={update} errors={errors} files={files} setFiles={setFiles} windowNotice={<WindowNotice status={windowStatus} />} />
          {windowStatus && !windowStatus.withinWindow && <p className="late-reminder">⚠ {t.windowLate}</p>}
          {progress !== null && (
            <div className="upload-progress">
              <progress max={1} value={progress} aria-label={t.uploadProgress(Math.round(progress * 100))} />
              <span>{t.uploadProgress(Math.round(progress * 100))}</span>
            </div>
          )}
          <button type="submit" className="submit" disabled={progress !== null}>
            {progress !== null ? t.sending : t.submit}
          </button>
        </form>
      )}
    </section>
  );
}
