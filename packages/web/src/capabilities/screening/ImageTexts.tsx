/**
 * The text OCR read in a post's pictures (a flyer, a screenshot, a caption burned into a photo),
 * with the lexicon terms found in it highlighted, its own score, and whether it is what put the
 * post in the queue (issue 18).
 */
import { defineMessages, useMessages } from '../../lib/i18n.tsx';
import type { Post } from './api.ts';
import { Highlighted } from './Highlighted.tsx';

const messages = defineMessages({
  id: {
    title: (n: number) => (n === 1 ? 'Teks dalam gambar' : `Teks dalam ${n} gambar`),
    flagged: 'Skor unggahan ini berasal dari teks dalam gambarnya',
    score: 'skor teks gambar',
    confidence: (n: number) => `keyakinan OCR ${n}%`,
    found: 'Istilah ditemukan',
    unreadable: 'Gambar tidak terbaca',
    empty: 'Tidak ada teks terbaca',
  },
  en: {
    title: (n: number) => (n === 1 ? 'Text in the picture' : `Text in ${n} pictures`),
    flagged: "This post's score comes from the text in its picture",
    score: 'picture text score',
    confidence: (n: number) => `OCR confidence ${n}%`,
    found: 'Terms found',
    unreadable: 'Picture could not be read',
    empty: 'No text read',
  },
});

type ImageText = NonNullable<Post['imageTexts']>[number];

function PictureText({ picture }: { picture: ImageText }) {
  const t = useMessages(messages);
  if (picture.status === 'failed') {
    return (
      <li className="scr-meta" data-testid="screening-image-text">
        {t.unreadable}: {picture.error}
      </li>
    );
  }
  const terms = [...new Set(picture.matches.map((m) => picture.text.slice(m.start, m.end)))];
  return (
    <li data-testid="screening-image-text">
      <span className="scr-meta">
        {t.score} {picture.score}
        {picture.confidence !== null && ` · ${t.confidence(picture.confidence)}`}
      </span>
      {picture.text ? <Highlighted text={picture.text} spans={picture.matches} /> : <p className="scr-meta">{t.empty}</p>}
      {terms.length > 0 && (
        <span className="scr-meta">
          {t.found}: {terms.map((term, i) => (
            <mark key={i} className="scr-term">
              {term}
            </mark>
          ))}
        </span>
      )}
    </li>
  );
}

export function ImageTexts({ post }: { post: Post }) {
  const t = useMessages(messages);
  const pictures = post.imageTexts ?? [];
  if (pictures.length === 0) return null;
  return (
    <details className="scr-image-texts" open={post.flaggedBy === 'image_text'}>
      <summary>
        {t.title(pictures.length)}
        {post.flaggedBy === 'image_text' && <strong> · {t.flagged}</strong>}
      </summary>
      <ul>
        {pictures.map((picture, i) => (
          <PictureText key={i} picture={picture} />
        ))}
      </ul>
    </details>
  );
}
