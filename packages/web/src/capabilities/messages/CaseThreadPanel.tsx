/**
 * The case page's panel: the thread with each reporter of the case, and the question form (for
 * whoever the permission table lets ask). A question may start the more-information clock, which
 * is the case's `request_information` step: the case page reloads to show the new state.
 */
import { can } from '@netra/core/access/permissions';
import { useState, type FormEvent } from 'react';
import { EmptyState, Loaded, PageSection } from '../../components/kit.ts';
import { api, ApiRequestError, fieldErrors, ok, useApi, withSession, type ApiResponse } from '../../lib/api.ts';
import { formatZoned } from '../../lib/format.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { InputField } from '../reports/ReportFields.tsx';
import { messages } from './messages.ts';
import './messages.css';

type StaffThread = ApiResponse<'/cases/{id}/messages'>;

function AskForm({ caseId, version, thread, onAsked }: { caseId: string; version: number; thread: StaffThread; onAsked(message: string, changed: boolean): void }) {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const session = useSession();
  const receivers = thread.reports.filter((r) => r.canReceive);
  const [reportId, setReportId] = useState(receivers[0]?.reportId ?? '');
  const [text, setText] = useState('');
  const [clock, setClock] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function ask(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const result = await ok(
        api.POST('/cases/{id}/messages', {
          params: { path: { id: caseId } },
          body: { reportId: reportId || undefined, text: text.trim(), requestInformation: clock, expectedVersion: clock ? version : undefined },
          ...withSession(language, session.csrfToken),
        }),
      );
      setText('');
      setClock(false);
      setErrors({});
      onAsked(result.transition ? t.askedClock(result.transition.toLabel) : t.asked, result.transition !== null);
    } catch (error) {
      setErrors(fieldErrors(error));
      setProblem(error instanceof ApiRequestError ? error.message : t.loadError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={ask} noValidate data-testid="ask-form">
      {problem && (
        <p className="alert" role="alert">
          {problem}
        </p>
      )}
      {receivers.length > 1 && (
        <div className="field">
          <label htmlFor="ask-report">{t.reportOf('')}</label>
          <select id="ask-report" value={reportId} onChange={(e) => setReportId(e.target.value)}>
            {receivers.map((r) => (
              <option key={r.reportId} value={r.reportId}>
                {r.receiptNumber}
              </option>
            ))}
          </select>
        </div>
      )}
      <InputField name="ask-text" label={t.ask} value={text} onChange={setText} multiline error={errors.text ?? errors.reportId} />
      {thread.canRequestInformation && (
        <label className="checkbox">
          <input type="checkbox" name="ask-clock" checked={clock} onChange={(e) => setClock(e.target.checked)} />
          <span>
            {t.askClock}
            <br />
            <span className="muted">{t.askClockHint}</span>
          </span>
        </label>
      )}
      <button type="submit" disabled={busy}>
        {t.askSend}
      </button>
    </form>
  );
}

export function CaseThreadPanel({ caseId, regionCode, version, onCaseChanged }: { caseId: string; regionCode: string; version: number; onCaseChanged(): void }) {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const session = useSession();
  const [state, reload] = useApi<StaffThread>(`/cases/${caseId}/messages`, language);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <PageSection title={t.panelTitle} className="card thread" id="reporter-thread-title">
      <p className="muted">{t.panelLead}</p>
      {notice && <p role="status">{notice}</p>}
      <Loaded state={state} onRetry={reload}>
        {(thread) => (
          <>
            {!thread.reports.some((r) => r.canReceive) && <EmptyState>{t.panelNoReceiver}</EmptyState>}
            {thread.reports
              .filter((r) => r.canReceive)
              .map((r) => (
                <div key={r.reportId} data-report={r.receiptNumber}>
                  {thread.reports.length > 1 && (
                    <h3 className="mono">
                      {t.reportOf(r.receiptNumber)} {r.anonymous && <span className="muted">({t.anonymous})</span>}
                    </h3>
                  )}
                  {r.messages.length === 0 ? (
                    <EmptyState>{t.threadEmpty}</EmptyState>
                  ) : (
                    <ol className="thread-messages">
                      {r.messages.map((m) => (
                        <li key={m.id} className={`thread-message from-${m.author}`} data-author={m.author}>
                          <div className="muted">
                            <strong>{m.author === 'officer' ? (m.officerName ?? t.fromBawaslu) : t.fromReporter}</strong> · {formatZoned(m.at, regionCode, language)}
                            {m.requestsInformation && ` · ${t.startsClock}`}
                          </div>
                          <p>{m.body}</p>
                          {m.evidence.length > 0 && (
                            <p>
                              {t.files(m.evidence.length)}:{' '}
                              {m.evidence.map((e) => (
                                <a key={e.id} href={e.url ?? '#'} className="evidence-link">
                                  {e.kind}
                                </a>
                              ))}
                            </p>
                          )}
                        </li>
                      ))}
                    </ol>
                  )}
                </div>
              ))}
            {thread.canAsk && session.user && can(session.user.role, 'messages.ask') && (
              <AskForm
                caseId={caseId}
                version={version}
                thread={thread}
                onAsked={(message, changed) => {
                  setNotice(message);
                  reload();
                  if (changed) onCaseChanged();
                }}
              />
            )}
          </>
        )}
      </Loaded>
    </PageSection>
  );
}
