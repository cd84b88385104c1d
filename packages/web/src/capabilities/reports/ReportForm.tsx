/**
 * The report form shared by the public page (/lapor) and the staff intake (/konsol/laporan/baru):
 * the draft, the reporting-window check, core's field rules as the user types (every problem at
 * once, each field's shown once it was left or a send was tried), the upload with progress and
 * the API's field errors (kept until the field changes). The public form also works without a
 * connection: "send" then keeps the report queued on the device and sends it when the network
 * returns (the Idempotency-Key makes a repeated send file it once).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { reportFieldProblems } from '@netra/core/reports/fields';
import { Loaded } from '../../components/Loaded.tsx';
import { api, apiUpload, ApiRequestError, fieldErrors, ok, useApi, withSession, type LoadState } from '../../lib/api.ts';
import { commonMessages, useI18n, useMessages, type Language } from '../../lib/i18n.tsx';
import type { FormInfo, WindowStatus } from './api.ts';
import { messages } from './messages.ts';
import { draftToFormData, identityAskedOf, ReportFields, useDraft, type DraftState, type ReportDraft } from './ReportFields.tsx';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a report filed now would be late, asked as soon as election, region and date are known. */
export function useReportWindow(draft: Pick<ReportDraft, 'electionId' | 'regionCode' | 'knownOn' | 'occurredOn'>, language: Language): WindowStatus | null {
  const [status, setStatus] = useState<WindowStatus | null>(null);
  useEffect(() => {
    setStatus(null);
    if (!draft.electionId || !draft.regionCode || !ISO_DATE.test(draft.knownOn)) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      // With the date of the act, the answer also says when it lies outside every stage of the election.
      const query = { electionId: draft.electionId, regionCode: draft.regionCode, knownOn: draft.knownOn, ...(ISO_DATE.test(draft.occurredOn) ? { occurredOn: draft.occurredOn } : {}) };
      ok(api.GET('/reports/window', { params: { query }, signal: controller.signal, ...withSession(language) })).then(setStatus, () => setStatus(null));
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [draft.electionId, draft.regionCode, draft.knownOn, draft.occurredOn, language]);
  return status;
}

export function WindowNotice({ status }: { status: WindowStatus | null }) {
  const t = useMessages(messages);
  if (!status || (status.withinWindow && !status.outsideStages)) return null;
  return (
    <>
      {!status.withinWindow && (
        <div className="alert window-warning" role="alert">
          <strong>{t.windowLate}</strong>
          <p>{status.warning}</p>
        </div>
      )}
      {status.outsideStages && (
        <div className="alert window-warning" role="alert" data-testid="outside-stages">
          <p>{status.outsideStages}</p>
        </div>
      )}
    </>
  );
}

/** After errors appear, take the user to the first marked field. */
export function focusFirstError() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

/** The device's own date (a phone in Papua is a day ahead of Jakarta before midnight WIB). */
function deviceToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export interface ReportSubmission<Receipt> {
  mode: 'public' | 'intake';
  info: LoadState<FormInfo>;
  reload(): void;
  state: DraftState;
  draft: ReportDraft;
  update(patch: Partial<ReportDraft>): void;
  /** Every field's message to show now. */
  errors: Record<string, string>;
  touch(field: string): void;
  problem: string | null;
  /** 0..1 while uploading, else null. */
  progress: number | null;
  windowStatus: WindowStatus | null;
  receipt: Receipt | null;
  setReceipt(receipt: Receipt | null): void;
  /** The public form's report waits on the device for a connection. */
  queued: boolean;
  online: boolean;
  submit(event: FormEvent): Promise<void>;
  /** Forget the draft (and its photos) on this device. */
  discard(): void;
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
  /** After a receipt arrives (the public page scrolls up to it). */
  onSent?(): void;
}): ReportSubmission<Receipt> {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const [info, reload] = useApi<FormInfo>('/reports/form', language);
  const state = useDraft(options.storageKey, options.mode === 'public' ? 'device' : 'tab');
  const { draft, files, update: updateDraft, reset } = state;
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [online, setOnline] = useState(() => navigator.onLine);
  const sending = useRef(false);
  const windowStatus = useReportWindow(draft, language);

  const today = info.status === 'ready' && info.data.today > deviceToday() ? info.data.today : deviceToday();
  const identity = options.mode === 'intake' && draft.source === 'finding' ? 'none' : options.mode === 'intake' ? 'optional' : 'required';
  const problems = useMemo(
    () =>
      reportFieldProblems(
        {
          ...draft,
          anonymous: identityAskedOf(draft, options.mode) ? draft.anonymous : true,
          receivedOn: options.mode === 'intake' ? draft.receivedOn : undefined,
        },
        { today, identity },
      ),
    [draft, today, identity, options.mode],
  );
  const clientErrors = useMemo(() => {
    const out: Record<string, string> = {};
    for (const p of problems) out[p.field] ??= p.message[language];
    return out;
  }, [problems, language]);
  const shown = useMemo(() => {
    const out: Record<string, string> = { ...serverErrors };
    for (const [field, message] of Object.entries(clientErrors)) if (tried || touched.has(field)) out[field] = message;
    return out;
  }, [clientErrors, serverErrors, touched, tried]);

  const update = useCallback(
    (patch: Partial<ReportDraft>) => {
      // A server's message about a field goes once the field changes; the rules take over.
      setServerErrors((errors) => {
        const keys = Object.keys(patch);
        const next = Object.fromEntries(Object.entries(errors).filter(([field]) => !keys.some((k) => field === k || field.startsWith(`${k}.`))));
        return Object.keys(next).length === Object.keys(errors).length ? errors : next;
      });
      updateDraft(patch);
    },
    [updateDraft],
  );
  const touch = useCallback(
    (field: string) => {
      setTouched((s) => (s.has(field) ? s : new Set([...s, field])));
      if (field === 'evidence') setServerErrors(({ evidence: _dropped, ...rest }) => rest);
    },
    [],
  );

  const send = useCallback(async () => {
    if (sending.current) return;
    sending.current = true;
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
      setTouched(new Set());
      setTried(false);
      setServerErrors({});
      options.onSent?.();
    } catch (error) {
      // Nothing typed is lost: the draft and the chosen files stay as they were.
      if (error instanceof ApiRequestError && error.status !== 0) {
        if (draft.queuedAt) updateDraft({ queuedAt: null });
        setServerErrors(fieldErrors(error));
        setProblem(error.body?.error.message ?? t.loadError);
        focusFirstError();
      } else if (options.mode === 'public') {
        // No connection after all: keep it queued on the device.
        setOnline(false);
        updateDraft({ queuedAt: draft.queuedAt ?? new Date().toISOString() });
        setProblem(null);
      } else {
        setProblem(t.networkError);
      }
    } finally {
      sending.current = false;
      setProgress(null);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft, files, language, options.endpoint, options.mode, options.csrfToken, reset, updateDraft]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (problems.length > 0) {
      setProblem(t.fixFieldsCount(problems.length));
      focusFirstError();
      return;
    }
    if (options.mode === 'public' && !navigator.onLine) {
      updateDraft({ queuedAt: new Date().toISOString() });
      setProblem(null);
      return;
    }
    await send();
  }

  // The connection comes and goes: a queued report is sent as soon as it is back (and on the next
  // visit, if the page was closed meanwhile).
  const sendLatest = useRef(send);
  sendLatest.current = send;
  const [attempt, setAttempt] = useState(0);
  const isQueued = Boolean(draft.queuedAt);
  useEffect(() => {
    const up = () => {
      setOnline(true);
      setAttempt((n) => n + 1);
    };
    const down = () => setOnline(false);
    addEventListener('online', up);
    addEventListener('offline', down);
    // The connection may have gone between the first render and these listeners.
    setOnline(navigator.onLine);
    return () => {
      removeEventListener('online', up);
      removeEventListener('offline', down);
    };
  }, []);
  useEffect(() => {
    if (!isQueued) return;
    // The browser's online flag can be wrong (a Wi-Fi without internet): a tiny request every
    // few seconds tells when the server answers again, before the photos are sent once more.
    const timer = setInterval(() => {
      fetch('/api/v1/health', { cache: 'no-store' }).then(
        (response) => {
          if (response.ok) {
            setOnline(true);
            setAttempt((n) => n + 1);
          }
        },
        () => undefined,
      );
    }, 5_000);
    return () => clearInterval(timer);
  }, [isQueued]);
  useEffect(() => {
    if (state.loaded && isQueued && navigator.onLine) void sendLatest.current();
  }, [state.loaded, isQueued, attempt]);

  const discard = () => {
    reset();
    setTouched(new Set());
    setTried(false);
    setServerErrors({});
    setProblem(null);
  };

  return {
    mode: options.mode,
    info,
    reload,
    state,
    draft,
    update,
    errors: shown,
    touch,
    problem,
    progress,
    windowStatus,
    receipt,
    setReceipt,
    queued: Boolean(draft.queuedAt),
    online,
    submit,
    discard,
  };
}

/** The form itself: loading and errors, the page's own fields, the shared fields, progress and the button. */
export function ReportForm({
  form,
  submitLabel,
  before,
  after,
  dateNotice,
}: {
  form: ReportSubmission<unknown>;
  submitLabel: string;
  before?(info: FormInfo): ReactNode;
  after?: ReactNode;
  dateNotice?: ReactNode;
}) {
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
          <ReportFields
            mode={form.mode}
            info={data}
            state={{ ...form.state, update: form.update }}
            errors={form.errors}
            touch={form.touch}
            windowNotice={<WindowNotice status={form.windowStatus} />}
            dateNotice={dateNotice}
          />
          {after}
          {form.queued && (
            <div className="alert queued" role="status">
              {/* "Sending" only while a send is under way: the browser's online flag can claim a connection there is not. */}
              <strong>{progress !== null ? t.queuedSending : form.state.persisted ? t.queuedTitle : t.queuedSaving}</strong>
              <p>{t.queuedText}</p>
            </div>
          )}
          {progress !== null && (
            <div className="upload-progress">
              <progress max={1} value={progress} aria-label={t.uploadProgress(Math.round(progress * 100))} />
              <span>{t.uploadProgress(Math.round(progress * 100))}</span>
            </div>
          )}
          <button type="submit" className="submit" disabled={progress !== null || form.queued}>
            {progress !== null ? t.sending : form.queued ? t.queuedButton : submitLabel}
          </button>
          {form.mode === 'public' && (
            <>
              {/* Writing a photo to IndexedDB takes a moment: the page says the draft is kept only once it is. */}
              <p className="draft-status" data-draft={form.state.persisted ? 'kept' : 'keeping'}>
                {form.state.persisted ? t.draftKept : t.draftKeeping}
              </p>
              <button type="button" className="link-button discard" onClick={form.discard}>
                {t.discardDraft}
              </button>
            </>
          )}
        </form>
      )}
    </Loaded>
  );
}
