/** /konsol/penapisan: the triage queue, highest score first, with confirm and dismiss. */
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { LoadError } from '../../components/LoadError.tsx';
import { apiSend, ApiRequestError, fieldErrors, useApi } from '../../lib/api.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { SCREENING_OFFICERS, type ElectionSummary, type Post } from './api.ts';
import { Highlighted } from './Highlighted.tsx';
import { messages } from './messages.ts';
import { Pager } from './Pager.tsx';
import './screening.css';

const PAGE = 20;
const CATEGORIES = ['likely_support', 'likely_opposition', 'mention_only', 'irrelevant'];
const STATUSES = ['queued', 'confirmed', 'dismissed', 'all'];

interface Filters {
  status: string;
  electionId: string;
  regionCode: string;
  handle: string;
  minScore: string;
  category: string;
}

function queryOf(filters: Filters, offset: number): string {
  const params = new URLSearchParams({ limit: String(PAGE), offset: String(offset), status: filters.status });
  for (const key of ['electionId', 'regionCode', 'handle', 'minScore', 'category'] as const) if (filters[key].trim()) params.set(key, filters[key].trim());
  return `/screening/posts?${params}`;
}

function formatTime(iso: string, language: string) {
  return new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

function PostCard({ post, threshold, canDecide, onDecided }: { post: Post; threshold: number; canDecide: boolean; onDecided(post: Post): void }) {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const session = useSession();
  const [mode, setMode] = useState<'idle' | 'confirm' | 'dismiss'>('idle');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('not_partisan');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const scoreClass = post.score >= threshold ? 'scr-score scr-score-high' : post.score >= threshold / 2 ? 'scr-score scr-score-mid' : 'scr-score';

  async function decide(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setError(null);
    try {
      if (mode === 'confirm') {
        const res = await apiSend<{ post: Post }>('POST', `/screening/posts/${post.id}/confirm`, note.trim() ? { note: note.trim() } : {}, language, session.csrfToken);
        onDecided(res.post);
      } else {
        const res = await apiSend<Post>('POST', `/screening/posts/${post.id}/dismiss`, { reason, ...(note.trim() ? { note: note.trim() } : {}) }, language, session.csrfToken);
        onDecided(res);
      }
      setMode('idle');
    } catch (err) {
      setErrors(fieldErrors(err));
      setError(err instanceof ApiRequestError ? err.message : t.loadError);
    } finally {
      setBusy(false);
    }
  }

  const asn = post.account.asn;
  return (
    <li className="scr-post" data-testid="screening-post">
      <div className="scr-post-head">
        <span className={scoreClass} title={`${t.score} (${t.threshold(threshold)})`}>
          {post.score}
        </span>
        <strong>{t.categories[post.category] ?? post.category}</strong>
        <span className="scr-meta">
          {post.platform} · @{post.account.handle}
          {post.account.displayName && ` (${post.account.displayName})`} · {t.kinds[post.kind] ?? post.kind} · {formatTime(post.postedAt, language)} · {post.regionName}
        </span>
        {post.status !== 'queued' && <span className={`scr-pill scr-pill-${post.status}`}>{t.statuses[post.status]}</span>}
      </div>
      <Highlighted text={post.text} spans={post.highlights} />
      <div className="scr-meta">
        {t.candidate}: {post.candidate ? <strong>{post.candidate.label}</strong> : t.noCandidate}
        {post.otherCandidateCount > 0 && ` (${t.moreCandidates(post.otherCandidateCount)})`}
        {' · '}
        {asn ? (
          <span>
            {post.account.linkStatus === 'confirmed' ? t.asnLinked : t.asnProposed}: {asn.name} (NIP {asn.nip}){asn.agency && `, ${asn.agency}`}
          </span>
        ) : (
          t.noAsn
        )}
      </div>
      {post.reasons.length > 0 && (
        <details>
          <summary>{t.reasons}</summary>
          <ul className="scr-reasons">
            {post.reasons.map((r, i) => (
              <li key={i} className={r.weight < 0 ? 'neg' : undefined}>
                <span className="scr-weight">
                  {r.weight > 0 ? '+' : ''}
                  {r.weight}
                </span>
                {r.text}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="scr-actions">
        <a href={post.url} target="_blank" rel="noopener noreferrer">
          {t.open}
        </a>
        {post.report && (
          <span>
            {t.confirmedAs}:{' '}
            <Link href={`/konsol/laporan/${post.report.id}`} className="mono">
              {post.report.receiptNumber}
            </Link>{' '}
            <span className="muted">({post.report.caseNumber})</span>
          </span>
        )}
        {post.status === 'dismissed' && (
          <span className="muted">
            {t.dismissedAs}: {t.dismissReasons[post.dismissalReason ?? ''] ?? post.dismissalReason}
            {post.dismissalNote && ` — ${post.dismissalNote}`}
          </span>
        )}
        {post.decidedAt && <span className="muted">{t.decidedBy(post.decidedBy, formatTime(post.decidedAt, language))}</span>}
        {canDecide && post.status === 'queued' && mode === 'idle' && (
          <>
            <button type="button" onClick={() => setMode('confirm')}>
              {t.confirm}
            </button>
            <button type="button" className="scr-secondary" onClick={() => setMode('dismiss')}>
              {t.dismiss}
            </button>
          </>
        )}
      </div>
      {mode !== 'idle' && (
        <form className="scr-form" onSubmit={decide} noValidate>
          {mode === 'dismiss' && (
            <div>
              <label htmlFor={`reason-${post.id}`}>{t.dismissReason}</label>
              <select id={`reason-${post.id}`} value={reason} onChange={(e) => setReason(e.target.value)}>
                {Object.entries(t.dismissReasons).map(([code, label]) => (
                  <option key={code} value={code}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className={mode === 'confirm' ? 'wide' : undefined}>
            <label htmlFor={`note-${post.id}`}>{mode === 'confirm' ? t.confirmNote : t.dismissNote}</label>
            <textarea id={`note-${post.id}`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
            {errors.note && <p className="field-error">{errors.note}</p>}
          </div>
          <div className="scr-actions wide">
            <button type="submit" disabled={busy}>
              {mode === 'confirm' ? t.confirmSubmit : t.dismissSubmit}
            </button>
            <button type="button" className="scr-secondary" onClick={() => setMode('idle')} disabled={busy}>
              {t.cancel}
            </button>
          </div>
          {error && Object.keys(errors).length === 0 && (
            <p className="scr-alert wide" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </li>
  );
}

export function QueuePage() {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const session = useSession();
  const canDecide = SCREENING_OFFICERS.includes(session.user!.role);
  const empty: Filters = { status: 'queued', electionId: '', regionCode: '', handle: '', minScore: '', category: '' };
  const [typed, setTyped] = useState<Filters>(empty);
  const [filters, setFilters] = useState<Filters>(empty);
  const [offset, setOffset] = useState(0);
  const [decided, setDecided] = useState<Record<string, Post>>({});
  const [elections] = useApi<{ items: ElectionSummary[] }>('/elections', language);
  const [state, reload] = useApi<{ total: number; threshold: number; items: Post[] }>(queryOf(filters, offset), language);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setOffset(0);
    setDecided({});
    setFilters(typed);
  };
  const field = (key: keyof Filters) => ({ value: typed[key], onChange: (e: { target: { value: string } }) => setTyped({ ...typed, [key]: e.target.value }) });

  return (
    <>
      <h1>{t.queueTitle}</h1>
      <p className="lead">{t.queueLead}</p>
      <form className="scr-filters" onSubmit={apply} role="search">
        <div>
          <label htmlFor="f-status">{t.status}</label>
          <select id="f-status" {...field('status')}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t.statuses[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-election">{t.election}</label>
          <select id="f-election" {...field('electionId')}>
            <option value="">{t.allElections}</option>
            {elections.status === 'ready' &&
              elections.data.items.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-region">{t.region}</label>
          <input id="f-region" placeholder="35.10" title={t.regionHint} {...field('regionCode')} />
        </div>
        <div>
          <label htmlFor="f-handle">{t.account}</label>
          <input id="f-handle" placeholder="@akun" {...field('handle')} />
        </div>
        <div>
          <label htmlFor="f-min">{t.minScore}</label>
          <input id="f-min" type="number" min={0} max={100} {...field('minScore')} />
        </div>
        <div>
          <label htmlFor="f-category">{t.category}</label>
          <select id="f-category" {...field('category')}>
            <option value="">{t.allCategories}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t.categories[c]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit">{t.filter}</button>
        </div>
      </form>
      {state.status === 'loading' && <p className="muted">{t.loading}</p>}
      {state.status === 'error' && <LoadError error={state.error} onRetry={reload} />}
      {state.status === 'ready' && state.data.items.length === 0 && (
        <div className="scr-empty">
          <p>{t.empty}</p>
          {canDecide && (
            <p>
              <Link href="/konsol/penapisan/impor">{t.emptyHint}</Link>
            </p>
          )}
        </div>
      )}
      {state.status === 'ready' && state.data.items.length > 0 && (
        <>
          <ul className="scr-list">
            {state.data.items.map((post) => (
              <PostCard
                key={post.id}
                post={decided[post.id] ?? post}
                threshold={state.data.threshold}
                canDecide={canDecide}
                onDecided={(p) => setDecided((d) => ({ ...d, [p.id]: p }))}
              />
            ))}
          </ul>
          <Pager total={state.data.total} shown={state.data.items.length} limit={PAGE} offset={offset} onChange={(o) => (setDecided({}), setOffset(o))} />
        </>
      )}
    </>
  );
}
