/**
 * The receipt a public reporter keeps: a receipt number that names the report (NTR-2024-7K3M-9Q2X)
 * and a secret that proves they filed it. Both use Crockford's base32 alphabet, which has no
 * I, L, O or U, so nothing read off a phone screen or a photo can be mistyped as another symbol;
 * when people type them anyway, I/L are read as 1 and O as 0.
 *
 * Randomness comes in as a parameter so this module stays pure: the server passes
 * `crypto.randomBytes`, tests pass fixed bytes. The server stores only an Argon2id hash of the
 * normalised secret.
 */
export type RandomBytes = (size: number) => Uint8Array;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RECEIPT = /^NTR(\d{4})([0-9A-HJKMNP-TV-Z]{8})$/;
const SECRET = /^[0-9A-HJKMNP-TV-Z]{16}$/;
const RECEIPT_SYMBOLS = 8; // 40 bits: unique per year with a database constraint and a retry
const SECRET_SYMBOLS = 16; // 80 bits: beyond guessing even before the Argon2id cost

/**
 * One symbol per byte, low five bits: 256 is a multiple of 32, so every symbol is equally likely
 * (packing bits would save bytes, not improve randomness).
 */
function randomSymbols(count: number, randomBytes: RandomBytes): string {
  const bytes = randomBytes(count);
  if (bytes.length < count) throw new RangeError(`randomBytes returned ${bytes.length} bytes, ${count} needed`);
  return Array.from(bytes.subarray(0, count), (byte) => CROCKFORD[byte & 31]).join('');
}

const groupsOfFour = (symbols: string) => symbols.match(/.{4}/g)!.join('-');

/** Upper-case, drop separators and spaces, and read the look-alikes as Crockford does. */
function canonicalSymbols(input: string): string {
  return input
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export function generateReceiptNumber(year: number, randomBytes: RandomBytes): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Not a four-digit year: ${year}`);
  return `NTR-${year}-${groupsOfFour(randomSymbols(RECEIPT_SYMBOLS, randomBytes))}`;
}

/** A receipt number as typed by a person ("ntr 2024 7k3m 9q2x") in its canonical form, or null. */
export function normaliseReceiptNumber(input: string): string | null {
  // "NTR" itself must survive the look-alike mapping, so it is matched before it.
  const rest = input.trim().toUpperCase().replace(/^NTR/, '');
  const m = RECEIPT.exec(`NTR${canonicalSymbols(rest)}`);
  return m ? `NTR-${m[1]}-${groupsOfFour(m[2])}` : null;
}

export function generateReportSecret(randomBytes: RandomBytes): string {
  return groupsOfFour(randomSymbols(SECRET_SYMBOLS, randomBytes));
}

/** The secret in the one form the server hashes and compares, or null when it cannot be one. */
export function normaliseReportSecret(input: string): string | null {
  const symbols = canonicalSymbols(input);
  return SECRET.test(symbols) ? groupsOfFour(symbols) : null;
}
