/**
 * /konsol/kotak-masuk/:id: one SMS/WhatsApp conversation: its messages and media, the outbox,
 * and what an officer does with it: set the region, reply, make it a report, or dismiss it.
 */
import { can } from '@netra/core/access/permissions';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'wouter';
import { Loaded, Notice, PageSection, useFormSubmit } from '../../components/kit.ts';
import { apiSend, ApiRequestError, useApi, type ApiResponse } from '../../lib/api.ts';
import { formatInstant } from '../../lib/format.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import type { FormInfo } from '../reports/api.ts';
import { InputField } from '../reports/ReportFields.tsx';
import { messages } from './messages.ts';
import './inbox.css';

type Detail = ApiResponse<'/inbox/conversations/{id}'>;
type Made = ApiResponse<'/inbox/conversations/{id}/report', 'post'>;

/** One small form: its fields, a submit button, the field errors and the outcome. */
function ActionForm({ title, submit, onSubmit, children, testId }: { title: string; submit: string; onSubmit(): Promise<void>; children(errors: Record<string, string>): ReactNode; testId: string }) {
  const { busy, errors, failure, run } = useFormSubmit();
  const go = (event: FormEvent) => {
    event.preventDefault();
    void run(onSubmit);
  };
  return (
    <PageSection title={title} className="card" level={3}>
      <form className="form" onSubmit={go} noValidate data-testid={testId}>
        <Notice tone="error">{failure}</Notice>
        {children(errors)}
        <button type="submit" disabled={busy}>
          {submit}
        </button>
      </form>
    </PageSection>
  );
}

function Actions({ c, onDone }: { c: Detail; onDone(message: ReactNode): void }) {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const session = useSession();
  const [region, setRegion] = useState(c.regionCode ?? '');
  const [replyText, setReplyText] = useState('');
  const [reason, setReason] = useState('');
  const [info] = useApi<FormInfo>('/reports/form', language);
  const [report, setReport] = useState({ electionId: '', place: '', occurredOn: '', knownOn: '', reportedName: '', actCodes: '', description: '', reporterName: '' });
  const field = (key: keyof typeof report) => ({ name: `inbox-${key}`, value: report[key], onChange: (v: string) => setReport({ ...report, [key]: v }) });
  const send = <T,>(path: string, body: unknown) => apiSend<T>('POST', `/inbox/conversations/${c.id}${path}`, body, language, session.csrfToken);

  return (
    <>
      <ActionForm title={t.regionTitle} submit={t.setRegion} testId="region-form" onSubmit={async () => { const r = await send<{ regionName: string }>('/region', { regionCode: region.trim() }); onDone(r.regionName); }}>
        {(errors) => (
          <>
            {c.regionAsked && !c.regionCode && <p className="muted">{t.regionAsked}</p>}
            <InputField name="inbox-region" label={t.regionCode} value={region} onChange={setRegion} error={errors.regionCode} />
          </>
        )}
      </ActionForm>
      <ActionForm title={t.reportTitle} submit={t.makeReport} testId="report-form" onSubmit={async () => {
        const made = await send<Made>('/report', { ...report, electionId: report.electionId || info.status === 'ready' && info.data.elections[0]?.id || '', actCodes: report.actCodes, description: report.description || undefined, reporterName: report.reporterName || undefined, regionCode: region.trim() || undefined });
        onDone(<>{t.made(made.receiptNumber)} <Link href={`/konsol/perkara/${made.caseId}`}>{t.openCase}</Link></>);
      }}>
        {(errors) => (
          <>
            <p className="muted">{t.reportLead}</p>
            {info.status === 'ready' && (
              <div className="field">
                <label htmlFor="inbox-election">{t.election}</label>
                <select id="inbox-election" value={report.electionId} onChange={(e) => setReport({ ...report, electionId: e.target.value })}>
                  {info.data.elections.map((e) => (
                    <option key={e.id} value={e.id}>
                      {e.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <InputField label={t.place} {...field('place')} error={errors.place} />
            <InputField label={t.occurredOn} type="date" {...field('occurredOn')} error={errors.occurredOn} />
            <InputField label={t.knownOn} type="date" {...field('knownOn')} error={errors.knownOn} />
            <InputField label={t.reportedName} {...field('reportedName')} error={errors.reportedName} />
            <InputField label={t.actCodes} {...field('actCodes')} error={errors.actCodes} />
            <InputField label={t.description} multiline {...field('description')} error={errors.description} />
            <InputField label={t.reporterName} {...field('reporterName')} error={errors.reporterName} />
            {errors.regionCode && <p className="alert">{errors.regionCode}</p>}
          </>
        )}
      </ActionForm>
      <ActionForm title={t.replyTitle} submit={t.reply} testId="reply-form" onSubmit={async () => { await send('/reply', { text: replyText.trim() }); setReplyText(''); onDone(t.replied); }}>
        {(errors) => <InputField name="inbox-reply" label={t.replyText} value={replyText} onChange={setReplyText} multiline error={errors.text} />}
      </ActionForm>
      <ActionForm title={t.dismissTitle} submit={t.dismiss} testId="dismiss-form" onSubmit={async () => { await send('/dismiss', { reason: reason.trim() }); onDone(t.dismissed); }}>
        {(errors) => <InputField name="inbox-reason" label={t.dismissReason} value={reason} onChange={setReason} error={errors.reason} />}
      </ActionForm>
    </>
  );
}

export function ConversationPage({ id }: { id: string }) {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const session = useSession();
  const [state, reload] = useApi<Detail>(`/inbox/conversations/${id}`, language);
  const [done, setDone] = useState<ReactNode>(null);
  if (state.status === 'error' && state.error instanceof ApiRequestError && state.error.status === 404) {
    return (
      <>
        <Link href="/konsol/kotak-masuk" className="back">{t.back}</Link>
        <p className="alert" role="alert">{t.notFound}</p>
      </>
    );
  }
  return (
    <article className="inbox-page">
      <Link href="/konsol/kotak-masuk" className="back">{t.back}</Link>
      <Loaded state={state} onRetry={reload}>
        {(c) => (
          <>
            <h1>
              {t.conversation} {c.sender}
            </h1>
            <p data-testid="conversation-status">
              {c.status === 'open' ? t.statusOpen : c.status === 'converted' ? t.statusConverted : t.statusDismissed} · {c.regionName ? `${c.regionName} (${c.regionCode})` : <em>{t.noRegion}</em>}
              {c.dismissReason && ` · ${c.dismissReason}`}
            </p>
            {done && <p role="status" className="kit-note">{done}</p>}
            <div className="inbox-grid">
              <PageSection title={t.conversation} className="card">
                <ol className="thread-messages">
                  {c.messages.map((m) => (
                    <li key={m.id} className={`thread-message from-${m.direction === 'in' ? 'reporter' : 'officer'}`} data-direction={m.direction}>
                      <div className="muted">
                        <strong>{m.direction === 'in' ? t.incoming : (m.sentBy ?? t.system)}</strong> · {formatInstant(m.at, language)}
                      </div>
                      <p>{m.body}</p>
                      {m.media.length > 0 && (
                        <ul className="thumbnails">
                          {m.media.map((f) => (
                            <li key={f.id}>
                              {f.hasPublicCopy ? <img src={`${f.url}?copy=public`} alt={f.mimeType} loading="lazy" /> : <a href={f.url}>{f.mimeType}</a>}
                            </li>
                          ))}
                        </ul>
                      )}
                    </li>
                  ))}
                </ol>
                {c.outbox.length > 0 && (
                  <>
                    <h3>{t.outboxTitle}</h3>
                    <ul>
                      {c.outbox.map((o) => (
                        <li key={o.id} className="muted">
                          {t.outboxKind[o.kind] ?? o.kind} · {t.outboxStatus[o.status] ?? o.status} · {formatInstant(o.sentAt ?? o.createdAt, language)}
                          {o.lastError && ` · ${o.lastError}`}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </PageSection>
              <div>
                {c.status === 'open' && session.user && can(session.user.role, 'inbox.triage') ? (
                  <Actions c={c} onDone={(message) => { setDone(message); reload(); }} />
                ) : (
                  <p className="muted">{t.handled}</p>
                )}
              </div>
            </div>
          </>
        )}
      </Loaded>
    </article>
  );
}
