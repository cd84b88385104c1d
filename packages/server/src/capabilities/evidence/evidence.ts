/**
 * Evidence files: what is accepted (decided from the bytes, never from the file name or the
 * browser's claim), the limits, and the metadata-free copy shown to anyone outside the case.
 *
 * Photos carry EXIF: GPS position, camera serial, owner name, time. The original is kept for the
 * officers (it can matter as evidence); every copy that leaves the case — the reporter's tracking
 * page, any public view — is re-encoded by sharp after `.rotate()` (which applies the EXIF
 * orientation to the pixels first), and sharp writes no metadata unless asked to.
 */
import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type';
import sharp from 'sharp';
import { ApiError } from '../../http/errors.ts';

const MB = 1024 * 1024;

export const EVIDENCE_LIMITS = {
  maxFiles: 5,
  maxFileBytes: 10 * MB,
  maxTotalBytes: 25 * MB,
} as const;

/** Sniffed type → how it is described; images sharp can decode get a public copy. */
export const ACCEPTED_TYPES: Readonly<Record<string, { label: string; publicCopy: boolean }>> = {
  'image/jpeg': { label: 'JPEG', publicCopy: true },
  'image/png': { label: 'PNG', publicCopy: true },
  'image/webp': { label: 'WebP', publicCopy: true },
  // iPhone photos. Kept for the officers; no public copy, because the HEVC decoder is not part of
  // sharp's prebuilt libvips (patents). Phones usually convert to JPEG when uploading anyway.
  'image/heic': { label: 'HEIC', publicCopy: false },
  'image/heif': { label: 'HEIF', publicCopy: false },
  // PDF metadata cannot be stripped reliably without rewriting the document: officers only.
  'application/pdf': { label: 'PDF', publicCopy: false },
};

export const EVIDENCE_FIELD = 'evidence';
const FIELD = `body.${EVIDENCE_FIELD}`;

/** The public copy is for viewing on a phone, not for forensic use: bounded in size. */
const PUBLIC_COPY_MAX_EDGE = 1600;
/** Refuse decompression bombs well before sharp's default of 268 megapixels. */
const MAX_INPUT_PIXELS = 60_000_000;

const acceptedList = Object.values(ACCEPTED_TYPES)
  .map((t) => t.label)
  .join(', ');

export const evidenceErrors = {
  wrongType: (name: string) =>
    new ApiError(
      415,
      'unsupported_evidence_type',
      { id: `Berkas "${name}" bukan gambar atau PDF yang didukung.`, en: `File "${name}" is not a supported image or PDF.` },
      [
        {
          field: FIELD,
          message: {
            id: `"${name}" bukan ${acceptedList}. Jenis berkas diperiksa dari isinya, bukan dari namanya.`,
            en: `"${name}" is not ${acceptedList}. The type is checked from the content, not the name.`,
          },
        },
      ],
    ),
  unreadableImage: (name: string) =>
    new ApiError(415, 'unreadable_image', { id: `Gambar "${name}" rusak atau tidak dapat dibaca.`, en: `Image "${name}" is damaged or cannot be read.` }, [
      { field: FIELD, message: { id: `Gambar "${name}" rusak atau tidak dapat dibaca.`, en: `Image "${name}" is damaged or cannot be read.` } },
    ]),
  tooLarge: (name: string) =>
    new ApiError(413, 'evidence_too_large', { id: 'Berkas bukti terlalu besar.', en: 'An evidence file is too large.' }, [
      {
        field: FIELD,
        message: {
          id: `"${name}" lebih dari ${EVIDENCE_LIMITS.maxFileBytes / MB} MB. Kecilkan atau potong berkasnya.`,
          en: `"${name}" is over ${EVIDENCE_LIMITS.maxFileBytes / MB} MB. Make it smaller or split it.`,
        },
      },
    ]),
  totalTooLarge: () =>
    new ApiError(413, 'evidence_too_large', { id: 'Berkas bukti terlalu besar.', en: 'The evidence files are too large.' }, [
      {
        field: FIELD,
        message: {
          id: `Jumlah ukuran semua berkas lebih dari ${EVIDENCE_LIMITS.maxTotalBytes / MB} MB.`,
          en: `All files together are over ${EVIDENCE_LIMITS.maxTotalBytes / MB} MB.`,
        },
      },
    ]),
  tooMany: () =>
    new ApiError(400, 'too_many_evidence_files', { id: 'Terlalu banyak berkas bukti.', en: 'Too many evidence files.' }, [
      {
        field: FIELD,
        message: { id: `Paling banyak ${EVIDENCE_LIMITS.maxFiles} berkas.`, en: `At most ${EVIDENCE_LIMITS.maxFiles} files.` },
      },
    ]),
};

/**
 * The type of a received file from its content, or null when it is not one we accept. `head`, the
 * first bytes kept while the upload streamed in (evidence-store.ts), spares reading the file again.
 */
export async function sniffEvidenceType(filePath: string, head?: Buffer): Promise<string | null> {
  const detected = head && head.length > 0 ? await fileTypeFromBuffer(head) : await fileTypeFromFile(filePath);
  return detected && Object.hasOwn(ACCEPTED_TYPES, detected.mime) ? detected.mime : null;
}

/**
 * On the intake's hot path, instead of the copy itself: the image's header can be read (sharp
 * reads the header only), so a file that merely starts like an image is still refused at once.
 */
export async function checkReadableImage(filePath: string | Buffer, mimeType: string, name: string): Promise<void> {
  if (!ACCEPTED_TYPES[mimeType]?.publicCopy) return;
  const meta = await sharp(filePath, { limitInputPixels: MAX_INPUT_PIXELS }).metadata().catch(() => null);
  if (!meta?.width || !meta.height || meta.width * meta.height > MAX_INPUT_PIXELS) throw evidenceErrors.unreadableImage(name);
}

/**
 * A copy without EXIF or any other metadata, oriented and bounded for viewing; null for types
 * that get no public copy. Throws `unreadableImage` when the bytes only look like an image.
 */
export async function metadataFreeCopy(filePath: string | Buffer, mimeType: string, name: string): Promise<Buffer | null> {
  if (!ACCEPTED_TYPES[mimeType]?.publicCopy) return null;
  try {
    const image = sharp(filePath, { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize({ width: PUBLIC_COPY_MAX_EDGE, height: PUBLIC_COPY_MAX_EDGE, fit: 'inside', withoutEnlargement: true });
    if (mimeType === 'image/png') return await image.png().toBuffer();
    if (mimeType === 'image/webp') return await image.webp({ quality: 80 }).toBuffer();
    return await image.jpeg({ quality: 80 }).toBuffer();
  } catch {
    throw evidenceErrors.unreadableImage(name);
  }
}
