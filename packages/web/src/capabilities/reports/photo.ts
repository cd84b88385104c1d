/**
 * Evidence files in the browser, before anything is sent: the type read from the first bytes
 * (as the server does; a renamed .exe is refused on the spot, not after the upload), and photos
 * made smaller for a weak signal: decoded with their EXIF orientation applied, scaled to at most
 * 1600 px on the long edge and re-encoded as JPEG. Re-encoding also drops the EXIF block (GPS,
 * camera serial) before it leaves the phone. The server still sniffs, hashes and strips whatever
 * arrives. A photo the browser cannot decode (HEIC on most browsers) is sent as it is.
 */

/** The long edge of a photo after resizing; the server's public copy uses the same bound. */
export const PHOTO_MAX_EDGE = 1600;
const JPEG_QUALITY = 0.82;
/** Smaller photos that need no scaling are still re-encoded (EXIF) unless PNG (screenshots keep their sharp text). */
const PNG_KEEP_BELOW = 1024 * 1024;

export type SniffedType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic' | 'application/pdf';

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** The evidence type of a file from its first bytes, or null when it is none of the accepted ones. */
export async function sniffType(file: Blob): Promise<SniffedType | null> {
  const bytes = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes[0] === 0x89 && ascii(bytes, 1, 4) === 'PNG') return 'image/png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(bytes, 0, 5) === '%PDF-') return 'application/pdf';
  if (ascii(bytes, 4, 8) === 'ftyp' && /^(heic|heix|hevc|hevx|mif1|msf1|heif)$/.test(ascii(bytes, 8, 12))) return 'image/heic';
  return null;
}

function canvasFor(width: number, height: number): { canvas: HTMLCanvasElement; context: CanvasRenderingContext2D } | null {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  return context ? { canvas, context } : null;
}

/**
 * A photo ready to send: smaller and without metadata when the browser can decode it, else the
 * file itself. Never larger than what was picked.
 */
export async function preparePhoto(file: File, type: SniffedType): Promise<File> {
  if (type !== 'image/jpeg' && type !== 'image/png' && type !== 'image/webp') return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return file;
  }
  try {
    const scale = Math.min(1, PHOTO_MAX_EDGE / Math.max(bitmap.width, bitmap.height));
    if (type === 'image/png' && scale === 1 && file.size < PNG_KEEP_BELOW) return file;
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const target = canvasFor(width, height);
    if (!target) return file;
    // JPEG has no transparency: a screenshot's clear pixels become white, not black.
    target.context.fillStyle = '#ffffff';
    target.context.fillRect(0, 0, width, height);
    target.context.drawImage(bitmap, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => target.canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
    if (!blob || blob.size >= file.size) return file;
    const name = file.name.replace(/\.(jpe?g|png|webp)$/i, '') + '.jpg';
    return new File([blob], name, { type: 'image/jpeg', lastModified: file.lastModified });
  } finally {
    bitmap.close();
  }
}
