/**
 * Reading text in pictures: tesseract.js (WebAssembly, in a worker thread) with the Indonesian
 * trained data of the npm package @tesseract.js-data/ind, read from node_modules (gzip as
 * shipped): nothing is downloaded at run time, and nothing is cached on disk. One worker per
 * process, started on first use and kept; OCR is CPU-bound, so pictures are read one at a time.
 */
import { createRequire } from 'node:module';
import sharp from 'sharp';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';

const require = createRequire(import.meta.url);
const INDONESIAN = require('@tesseract.js-data/ind') as { code: string; gzip: boolean; langPath: string };

/** Pictures larger than this many bytes are not read (a monitor's media, an evidence photo). */
export const MAX_IMAGE_BYTES = 15 * 1024 * 1024;
/** Longest side, in pixels, a picture is scaled to before OCR; small ones are enlarged towards it. */
const MAX_SIDE = 2400;
const MIN_SIDE = 1200;

export interface Recognised {
  text: string;
  /** Mean word confidence, 0–100. */
  confidence: number;
}

let worker: Promise<Worker> | null = null;
let queue: Promise<unknown> = Promise.resolve();
let onProgress: ((progress: number) => void) | null = null;

function startWorker(): Promise<Worker> {
  return createWorker(INDONESIAN.code, OEM.LSTM_ONLY, {
    langPath: INDONESIAN.langPath,
    gzip: INDONESIAN.gzip,
    // Read the trained data from the package, never write a copy of it anywhere.
    cacheMethod: 'none',
    logger: (m: { status: string; progress: number }) => {
      if (m.status === 'recognizing text') onProgress?.(m.progress);
    },
    errorHandler: () => {},
  }).then(async (w) => {
    // A flyer is blocks of text in any layout, not a page of prose.
    await w.setParameters({ tessedit_pageseg_mode: PSM.SPARSE_TEXT, preserve_interword_spaces: '0' });
    return w;
  });
}

/**
 * Grey, the contrast stretched, scaled so letters are a size the LSTM reads well: flyers put
 * white text on red and dark text on yellow, which differ far more in lightness than in hue.
 */
export async function prepareImage(image: Buffer): Promise<Buffer> {
  const picture = sharp(image, { failOn: 'none', limitInputPixels: 8000 * 8000 }).rotate();
  const { width = 0, height = 0 } = await picture.metadata();
  if (width === 0 || height === 0) throw new Error('not a picture');
  const side = Math.max(width, height);
  const scale = side > MAX_SIDE ? MAX_SIDE / side : side < MIN_SIDE ? Math.min(2, MIN_SIDE / side) : 1;
  const resized = scale === 1 ? picture : picture.resize(Math.round(width * scale), Math.round(height * scale));
  return resized.flatten({ background: '#ffffff' }).greyscale().normalise().png().toBuffer();
}

/**
 * The text in a picture (PNG, JPEG, WebP, GIF, TIFF …). Calls are queued: one picture at a time
 * per process; `progress` hears tesseract's progress through this picture (0–1).
 */
export function recognise(image: Buffer, progress?: (progress: number) => void): Promise<Recognised> {
  const run = queue.then(async () => {
    if (image.length > MAX_IMAGE_BYTES) throw new Error(`picture larger than ${MAX_IMAGE_BYTES} bytes`);
    const prepared = await prepareImage(image);
    worker ??= startWorker().catch((error: unknown) => {
      worker = null;
      throw error;
    });
    const w = await worker;
    onProgress = progress ?? null;
    try {
      const { data } = await w.recognize(prepared);
      return { text: data.text, confidence: data.confidence };
    } finally {
      onProgress = null;
    }
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Stops the worker (tests, shutdown); the next `recognise` starts a new one. */
export async function stopOcr(): Promise<void> {
  const running = worker;
  worker = null;
  if (running) await (await running).terminate();
}
