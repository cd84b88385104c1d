/**
 * The tracking page's conversation with Bawaslu: the questions, the reporter's own messages and
 * files, a form to write at any stage before the case is finished, and the optional e-mail notice.
 * The secret stays in memory and travels in POST bodies only.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api, apiUpload, ApiRequestError, fieldErrors, ok, useApi, withSession, type ApiResponse } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import { formatBytes, type FormInfo } from '../reports/api.ts';
import { messages as reportMessages } from '../reports/messages.ts';
import { EvidencePicker, InputField } from '../reports/ReportFields.tsx';
import { messages } from './messages.ts';
import './messages.css';

type Thread = ApiResponse<'/reports/track/messages', 'post'>;
type Credentials = { receiptNumber: string; secret: string };

const when = (at: string, language: 'id' | 'en') => `${formatDateTime(at, language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' })} WIB`;

const problemOf = (error: unknown, fallback: string, offline: string) => (error instanceof ApiRequestError && error.status !== 0 ? (error.body?.error.message ?? fallback) : offline);

function Notices({ credentials, on, onChange }: { credentials: Credentials; on: boolean; onChange(): void }) {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(reportMessages), ...useMessages(messages) };
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  async function save(value: string | null, event?: FormEvent) {
    event?.preventDefault();
    setBusy(true);
    try {
      await ok(api.POST('/reports/track/notices', { body: { ...credentials, email: value }, ...withSession(language) }));
      setEmail('');
      setErrors({});
      onChange();
    } catch (error) {
      setErrors({ email: fieldErrors(error).email ?? problemOf(error, t.loadError, t.networkError) });
    } finally {
      setBusy(false);
    }
  }
  return (
    <details className="thread-notices">
      <summary>{t.noticesTitle}</summary>
      <p className="muted">{t.noticesLead}</p>
      <p role="status">{on ? t.noticesOn : t.noticesOff}</p>
      {on ? (
        <button type="button" className="secondary" disabled={busy} onClick={() => void save(null)}>
          {t.noticesStop}
        </button>
      ) : (
        <form className="form" onSubmit={(e) => void save(email.trim(), e)} noValidate>
          <InputField name="notice-email" label={t.email} type="email" value={email} onChange={setEmail} error={errors.email} autoComplete="email" />
          <button type="submit" disabled={busy}>
            {t.noticesSave}
          </button>
        </form>
      )}
    </details>
  );
}

/** Mounted per receipt (the tracking page keys it): the credentials are those the page was loaded with, not what is being typed. */
export function ReporterThread({ credentials: given, onSent }: { credentials: Credentials; onSent(): void }) {
  const [credentials] = useState(given);
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(reportMessages), ...useMessages(messages) };
  const [thread, setThread] = useState<Thread | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [info] = useApi<FormInfo>('/reports/form', language);

  async function load() {
    try {
      setThread(await ok(api.POST('/reports/track/messages', { body: credentials, ...withSession(language) })));
      setLoadProblem(null);
    } catch (error) {
      setLoadProblem(problemOf(error, t.loadError, t.networkError));
    }
  }
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => void load(), [credentials.receiptNumber, credentials.secret, language]);

  async function send(event: FormEvent) {
    event.preventDefault();
    const form = new FormData();
    form.append('receiptNumber', credentials.receiptNumber);
    form.append('secret', credentials.secret);
    form.append('text', text);
    for (const file of files) form.append('evidence', file, file.name);
    setProgress(0);
    setProblem(null);
    try {
      const result = await apiUpload<{ answeredRequest: boolean }>('/reports/track/messages/send', form, language, { onProgress: setProgress });
      setText('');
      setFiles([]);
      setErrors({});
      setStatus(result.answeredRequest ? t.sentAnswered : t.sent);
      await load();
      onSent();
    } catch (error) {
      setErrors(fieldErrors(error));
      setProblem(problemOf(error, t.loadError, t.networkError));
    } finally {
      setProgress(null);
    }
  }

  return (
    <section className="card thread" aria-labelledby="thread-title" data-testid="reporter-thread">
      <h3 id="thread-title">{t.threadTitle}</h3>
      <p className="muted">{t.threadLead}</p>
      {loadProblem && (
        <p className="alert" role="alert">
          {loadProblem}
        </p>
      )}
      {thread && (
        <>
          {thread.waitingQuestion && <p className="warning">{t.waiting}</p>}
          {thread.messages.length === 0 ? (
            <p className="muted">{t.threadEmpty}</p>
          ) : (
            <ol className="thread-messages">
              {thread.messages.map((m) => (
                <li key={m.id} className={`thread-message from-${m.author}`} data-author={m.author}>
                  <div className="muted">
                    <strong>{m.author === 'officer' ? t.fromBawaslu : t.fromYou}</strong> · {when(m.at, language)}
                    {m.requestsInformation && ` · ${t.startsClock}`}
                  </div>
                  <p>{m.body}</p>
                  {m.evidence.length > 0 && (
                    <ul className="thumbnails">
                      {m.evidence.map((e) => (
                        <li key={e.id}>
                          {e.url ? <img src={e.url} alt={`${e.kind} ${formatBytes(e.sizeBytes)}`} loading="lazy" /> : <span className="no-preview">{e.kind}</span>}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
          )}
          {status && <p role="status">{status}</p>}
          {thread.canSend ? (
            <form className="form" onSubmit={send} noValidate>
              {problem && (
                <p className="alert" role="alert">
                  {problem}
                </p>
              )}
              <InputField name="thread-text" label={t.write} value={text} onChange={setText} multiline error={errors.text} />
              {info.status === 'ready' && <EvidencePicker files={files} setFiles={setFiles} limits={info.data.evidence} error={errors.evidence} />}
              {progress !== null && <progress max={1} value={progress} aria-label={t.uploadProgress(Math.round(progress * 100))} />}
              <button type="submit" disabled={progress !== null}>
                {progress !== null ? t.sending : t.send}
              </button>
            </form>
          ) : (
            <p className="muted">{t.closed}</p>
          )}
          <Notices credentials={credentials} on={thread.noticesOn} onChange={() => void load()} />
        </>
      )}
    </section>
  );
}
