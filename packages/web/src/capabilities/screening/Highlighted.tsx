import type { Span } from './api.ts';

/** The post's text with the scorer's spans marked, as the officer must see why it was queued. */
export function Highlighted({ text, spans }: { text: string; spans: readonly Span[] }) {
  const parts: Array<{ text: string; marked: boolean }> = [];
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const start = Math.max(span.start, at);
    if (span.end <= start) continue;
    if (start > at) parts.push({ text: text.slice(at, start), marked: false });
    parts.push({ text: text.slice(start, span.end), marked: true });
    at = span.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return <p className="scr-text">{parts.map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</p>;
}
