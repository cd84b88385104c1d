/**
 * /konsol/usulan-gabung: reports that may tell the same event, side by side, with the reasons;
 * the officer merges them (the new report joins the earlier case) or dismisses the proposal.
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { Loaded } from '../../../components/Loaded.tsx';
import { api, ApiRequestError, fieldErrors, ok, useApi, withSession } from '../../../lib/api.ts';
import { formatDate } from '../../../lib/format.ts';
import { commonMessages, useI18n, useMessages } from '../../../lib/i18n.tsx';
import { useSession } from '../../../lib/session.tsx';
import type { MergeProposal, MergeProposalList, ReportSummary } from '../api.ts';
import { messages } from '../messages.ts';
import { InputField } from '../ReportFields.tsx';
import '../reports.css';

function ReportSide({ title, report }: { title: string; report: ReportSummary }) {
  const { language } = useI18n();
  const t = useMessages(messages);
  return (
    <div>
      <h4>{title}</h4>
      <p>
        <Link href={`/konsol/laporan/${report.id}`} className="mono">
          {report.receiptNumber}
        </Link>{' '}
        · <span className="mono">{report.caseNumber}</span> · {report.caseStateLabel}
      </p>
      <p>
        <strong>{report.reportedName}</strong>
        {report.reportedAgency && ` · ${report.reportedAgency}`}
        {report.reportedNip && <span className="mono"> · {report.reportedNip}</span>}
      </p>
      <p className="muted">
        {formatDate(report.occurredOn, language)}
        {report.occurredUntil && ` – ${formatDate(report.occurredUntil, language)}`} · {report.place}
      </p>
      <p style={{ whiteSpace: 'pre-wrap' }}>{report.description}</p>
      <p className="muted">
        {t.evidenceList}: {report.evidenceCount} · {t.sources[report.source] ?? report.source}
      </p>
    </div>
  );
}

function Decision({ proposal, onDone }: { proposal: MergeProposal; onDone(message: string): void }) {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const session = useSession();
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function act(kind: 'merge' | 'dismiss', event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      if (kind === 'merge') {
        const result = await ok(api.POST('/merge-proposals/{id}/merge', { params: { path: { id: proposal.id } }, body: note.trim() ? { note: note.trim() } : {}, ...withSession(language, session.csrfToken) }));
        onDone(t.merged(result.survivingCaseNumber));
      } else {
        await ok(api.POST('/merge-proposals/{id}/dismiss', { params: { path: { id: proposal.id } }, body: { reason: reason.trim() }, ...withSession(language, session.csrfToken) }));
        onDone(t.dismissed);
      }
    } catch (error) {
      setErrors(fieldErrors(error));
      setProblem(error instanceof ApiRequestError ? error.message : t.loadError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="side-by-side">
      <form className="form" onSubmit={(e) => act('merge', e)}>
        <InputField name={`note-${proposal.id}`} label={t.mergeNote} value={note} onChange={setNote} error={errors.note} />
        <button type="submit" disabled={busy}>
          {t.merge}
        </button>
      </form>
      <form className="form" onSubmit={(e) => act('dismiss', e)}>
        <InputField name={`reason-${proposal.id}`} label={t.dismissReason} value={reason} onChange={setReason} error={errors.reason} />
        <button type="submit" className="secondary" disabled={busy}>
          {t.dismiss}
        </button>
      </form>
      {problem && (
        <p className="alert" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

export function MergeProposalsPage() {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const [status, setStatus] = useState<'open' | 'merged' | 'dismissed'>('open');
  const [notice, setNotice] = useState<string | null>(null);
  const [state, reload] = useApi<MergeProposalList>(`/merge-proposals?status=${status}&limit=50`, language);
  const tabs = [
    ['open', t.statusOpen],
    ['merged', t.statusMerged],
    ['dismissed', t.statusDismissed],
  ] as const;
  return (
    <div className="report-console">
      <h1>{t.mergeTitle}</h1>
      <p className="lead">{t.mergeLead}</p>
      <div className="tabs" role="group">
        {tabs.map(([code, label]) => (
          <button key={code} type="button" aria-pressed={status === code} onClick={() => setStatus(code)}>
            {label}
          </button>
        ))}
      </div>
      {notice && <p role="status">{notice}</p>}
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <>
            {data.items.length === 0 && <EmptyState className="muted">{t.noProposals}</EmptyState>}
            {data.items.map((p) => (
              <section key={p.id} className="card" data-proposal={p.id}>
                <ul>
                  {p.reasons.map((r) => (
                    <li key={r.code}>{r.message}</li>
                  ))}
                </ul>
                {p.similarity !== null && <p className="muted">{t.similarity(Math.round(p.similarity * 100))}</p>}
                <div className="side-by-side">
                  <ReportSide title={t.newReportSide} report={p.report} />
                  <ReportSide title={t.earlierReportSide} report={p.duplicateOf} />
                </div>
                {p.status === 'open' && (
                  <Decision
                    proposal={p}
                    onDone={(message) => {
                      setNotice(message);
                      reload();
                    }}
                  />
                )}
              </section>
            ))}
          </>
        )}
      </Loaded>
    </div>
  );
}
