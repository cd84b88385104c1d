/**
 * The report form shared by the public page (/lapor) and the staff intake (/konsol/laporan/baru):
 * the draft that survives a reload, the reporting-window check, the required-field check, the
 * upload with progress and the API's field errors. Each page adds only what is its own (the
 * intake's source, the public page's reminder) and what it shows after the receipt.
 */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Loaded } from '../../components/Loaded.tsx';
import { api, apiUpload, ApiRequestError, fieldErrors, ok, useApi, withSession, type LoadState } from '../../lib/api.ts';
import { commonMessages, useI18n, useMessages, type Language } from '../../lib/i18n.tsx';
import type { FormInfo, WindowStatus } from './api.ts';
import { messages } from './messages.ts';
import { draftToFormData, ReportFields, useDraft, type ReportDraft } from './ReportFields.tsx';

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

export interface ReportSubmission<Receipt> {
  mode: 'public' | 'intake';
  info: LoadState<FormInfo>;
  reload(): void;
  draft: ReportDraft;
  update(patch: Partial<ReportDraft>): void;
  files: File[];
  setFiles(files: File[]): void;
  errors: Record<string, string>;
  problem: string | null;
  /** 0..1 while uploading, else null. */
  progress: number | null;
  windowStatus: WindowStatus | null;
  receipt: Receipt | null;
  setReceipt(receipt: Receipt | null): void;
  submit(event: FormEvent): Promise<void>;
}

/**
 * One report being written and sent: to `/reports` by the public (identity asked unless
 * anonymous) or to `/intake/reports` by an officer (identity asked for a paper report).
 */
export function useReportSubmission<Receipt>(options: {
  mode: 'public' | 'intake';
  endpoint: '/reports' | '/intake/reports';
  storageKey: string;
  csrfToken?: string | null;
  identityAsked(draft: ReportDraft): boolean;
  /** After a receipt arrives (the public page scrolls up to it). */
  onSent?(): void;
}): ReportSubmission<Receipt> {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const [info, reload] = useApi<FormInfo>('/reports/form', language);
  const [draft, update, reset] = useDraft(options.storageKey);
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const windowStatus = useReportWindow(draft, language);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = missingRequired(draft, t, options.identityAsked(draft));
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
      const result = await apiUpload<Receipt>(options.endpoint, draftToFormData(draft, files, options.mode), language, {
        ...(options.csrfToken === undefined ? {} : { csrfToken: options.csrfToken }),
        onProgress: setProgress,
        headers: { 'idempotency-key': draft.idempotencyKey },
      });
      setReceipt(result);
      reset();
      setFiles([]);
      options.onSent?.();
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

  return { mode: options.mode, info, reload, draft, update, files, setFiles, errors, problem, progress, windowStatus, receipt, setReceipt, submit };
}

/** The form itself: loading and errors, the page's own fields, the shared fields, progress and the button. */
export function ReportForm({ form, submitLabel, before, after }: { form: ReportSubmission<unknown>; submitLabel: string; before?(info: FormInfo): ReactNode; after?: ReactNode }) {
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const { info, progress } = form;
  return (
    <Loaded state={info} onRetry={form.reload}>
      {(data) => (
        <form onSubmit={form.submit} noValidate className="report-form">
          {form.problem && (
            <div className="alert" role="alert">
              {form.problem}
            </div>
          )}
          {before?.(data)}
          <ReportFields mode={form.mode} info={data} draft={form.draft} update={form.update} errors={form.errors} files={form.files} setFiles={form.setFiles} windowNotice={<WindowNotice status={form.windowStatus} />} />
          {after}
          {progress !== null && (
            <div className="upload-progress">
              <progress max={1} value={progress} aria-label={t.uploadProgress(Math.round(progress * 100))} />
              <span>{t.uploadProgress(Math.round(progress * 100))}</span>
            </div>
          )}
          <button type="submit" className="submit" disabled={progress !== null}>
            {progress !== null ? t.sending : submitLabel}
          </button>
        </form>
      )}
    </Loaded>
  );
}
