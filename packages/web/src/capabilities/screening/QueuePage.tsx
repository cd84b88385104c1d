/** /konsol/penapisan: the triage queue, highest score first, with confirm and dismiss. */
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { EmptyState, ExportButtons, Field, FilterBar, Loaded, Notice, Options, Pager, useFormSubmit } from '../../components/kit.ts';
import { apiSend, useApi, type ApiResponse } from '../../lib/api.ts';
import { formatDateTime, formatZoned } from '../../lib/format.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { can } from '@netra/core/access/permissions';
import type { ElectionList, Post, PostList } from './api.ts';
import { Highlighted } from './Highlighted.tsx';
import { ImageTexts } from './ImageTexts.tsx';
import { messages } from './messages.ts';
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

function PostCard({ post, threshold, canDecide, onDecided }: { post: Post; threshold: number; canDecide: boolean; onDecided(post: Post): void }) {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const session = useSession();
  const [mode, setMode] = useState<'idle' | 'confirm' | 'dismiss'>('idle');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('not_partisan');
  const { busy, errors, failure: error, run } = useFormSubmit();
  const scoreClass = post.score >= threshold ? 'scr-score scr-score-high' : post.score >= threshold / 2 ? 'scr-score scr-score-mid' : 'scr-score';

  const decide = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      if (mode === 'confirm') {
        const res = await apiSend<ApiResponse<'/screening/posts/{id}/confirm', 'post'>>('POST', `/screening/posts/${post.id}/confirm`, note.trim() ? { note: note.trim() } : {}, language, session.csrfToken);
        onDecided(res.post);
      } else {
        const res = await apiSend<ApiResponse<'/screening/posts/{id}/dismiss', 'post'>>('POST', `/screening/posts/${post.id}/dismiss`, { reason, ...(note.trim() ? { note: note.trim() } : {}) }, language, session.csrfToken);
        onDecided(res);
      }
      setMode('idle');
    });
  };

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
          {post.account.displayName && ` (${post.account.displayName})`} · {t.kinds[post.kind] ?? post.kind} · {formatZoned(post.postedAt, post.regionCode, language)} · {post.regionName}
        </span>
        {post.status !== 'queued' && <span className={`scr-pill scr-pill-${post.status}`}>{t.statuses[post.status]}</span>}
      </div>
      <Highlighted text={post.text} spans={post.highlights} />
      <ImageTexts post={post} />
      <div className="scr-meta">
        {post.stance && post.candidate ? (
          <span data-testid="screening-stance" data-stance={post.stance}>
            {t.stances[post.stance]}: <strong>{post.candidate.label}</strong>
          </span>
        ) : (
          <>
            {t.candidate}: {post.candidate ? <strong>{post.candidate.label}</strong> : t.noCandidate}
          </>
        )}
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
        {post.decidedAt && <span className="muted">{t.decidedBy(post.decidedBy, formatDateTime(post.decidedAt, language))}</span>}
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
            <Field id={`reason-${post.id}`} label={t.dismissReason}>
              <select value={reason} onChange={(e) => setReason(e.target.value)}>
                <Options items={Object.entries(t.dismissReasons).map(([id, name]) => ({ id, name }))} />
              </select>
            </Field>
          )}
          <Field id={`note-${post.id}`} className={mode === 'confirm' ? 'wide' : undefined} label={mode === 'confirm' ? t.confirmNote : t.dismissNote} error={errors.note}>
            <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
          </Field>
          <div className="scr-actions wide">
            <button type="submit" disabled={busy}>
              {mode === 'confirm' ? t.confirmSubmit : t.dismissSubmit}
            </button>
            <button type="button" className="scr-secondary" onClick={() => setMode('idle')} disabled={busy}>
              {t.cancel}
            </button>
          </div>
          <Notice tone="error" className="scr-alert wide">{error}</Notice>
        </form>
      )}
    </li>
  );
}

export function QueuePage() {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const session = useSession();
  const canDecide = can(session.user!.role, 'screening.triage');
  const empty: Filters = { status: 'queued', electionId: '', regionCode: '', handle: '', minScore: '', category: '' };
  const [typed, setTyped] = useState<Filters>(empty);
  const [filters, setFilters] = useState<Filters>(empty);
  const [offset, setOffset] = useState(0);
  const [decided, setDecided] = useState<Record<string, Post>>({});
  const [elections] = useApi<ElectionList>('/elections', language);
  const [state, reload] = useApi<PostList>(queryOf(filters, offset), language);

  const apply = () => {
    setOffset(0);
    setDecided({});
    setFilters(typed);
  };
  const field = (key: keyof Filters) => ({ value: typed[key], onChange: (e: { target: { value: string } }) => setTyped({ ...typed, [key]: e.target.value }) });

  return (
    <>
      <h1>{t.queueTitle}</h1>
      <p className="lead">{t.queueLead}</p>
      <ExportButtons source="screening" filter={{ ...filters }} what={t.queueTitle} />
      <FilterBar className="scr-filters" submitLabel={t.filter} onSubmit={apply}>
        <Field id="f-status" label={t.status}>
          <select {...field('status')}>
            <Options items={STATUSES.map((s) => ({ id: s, name: t.statuses[s] }))} />
          </select>
        </Field>
        <Field id="f-election" label={t.election}>
          <select {...field('electionId')}>
            <Options placeholder={t.allElections} items={elections.status === 'ready' ? elections.data.items : []} />
          </select>
        </Field>
        <Field id="f-region" label={t.region}>
          <input placeholder="35.10" title={t.regionHint} {...field('regionCode')} />
        </Field>
        <Field id="f-handle" label={t.account}>
          <input placeholder="@akun" {...field('handle')} />
        </Field>
        <Field id="f-min" label={t.minScore}>
          <input type="number" min={0} max={100} {...field('minScore')} />
        </Field>
        <Field id="f-category" label={t.category}>
          <select {...field('category')}>
            <Options placeholder={t.allCategories} items={CATEGORIES.map((c) => ({ id: c, name: t.categories[c] }))} />
          </select>
        </Field>
      </FilterBar>
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <>
            {data.items.length === 0 && (
              <EmptyState className="scr-empty" action={canDecide && <Link href="/konsol/penapisan/impor">{t.emptyHint}</Link>}>
                {t.empty}
              </EmptyState>
            )}
            {data.items.length > 0 && (
              <>
                <ul className="scr-list">
                  {data.items.map((post) => (
                    <PostCard
                      key={post.id}
                      post={decided[post.id] ?? post}
                      threshold={data.threshold}
                      canDecide={canDecide}
                      onDecided={(p) => setDecided((d) => ({ ...d, [p.id]: p }))}
                    />
                  ))}
                </ul>
                <Pager
                  className="scr-pager"
                  buttonClassName="scr-secondary"
                  total={data.total}
                  shown={data.items.length}
                  limit={PAGE}
                  offset={offset}
                  onChange={(o) => (setDecided({}), setOffset(o))}
                />
              </>
            )}
          </>
        )}
      </Loaded>
    </>
  );
}
