import { describe, expect, it } from 'vitest';
import { generateReceiptNumber, generateReportSecret, normaliseReceiptNumber, normaliseReportSecret, type RandomBytes } from './receipt.ts';

const counting: RandomBytes = (size) => Uint8Array.from({ length: size }, (_, i) => i);
const constant = (byte: number): RandomBytes => (size) => new Uint8Array(size).fill(byte);

describe('receipt number', () => {
  it('has the form NTR-YYYY-XXXX-XXXX in Crockford base32', () => {
    expect(generateReceiptNumber(2024, counting)).toBe('NTR-2024-0123-4567');
    expect(generateReceiptNumber(2024, constant(31))).toBe('NTR-2024-ZZZZ-ZZZZ');
    expect(generateReceiptNumber(2020, (size) => Uint8Array.from({ length: size }, (_, i) => 7 + i * 3))).toBe('NTR-2020-7ADG-KPSW');
  });

  it('never uses the ambiguous letters I, L, O, U', () => {
    for (let byte = 0; byte < 256; byte += 1) {
      expect(generateReceiptNumber(2024, constant(byte)).slice(9)).not.toMatch(/[ILOU]/);
    }
  });

  it('maps every byte value to a symbol equally often (no modulo bias)', () => {
    const seen = new Map<string, number>();
    for (let byte = 0; byte < 256; byte += 1) {
      const symbol = generateReceiptNumber(2024, constant(byte))[9];
      seen.set(symbol, (seen.get(symbol) ?? 0) + 1);
    }
    expect(seen.size).toBe(32);
    expect(new Set(seen.values())).toEqual(new Set([8]));
  });

  it('refuses a year that is not four digits, and a short random source', () => {
    expect(() => generateReceiptNumber(24, counting)).toThrow(RangeError);
    expect(() => generateReceiptNumber(2024.5, counting)).toThrow(RangeError);
    expect(() => generateReceiptNumber(2024, () => new Uint8Array(3))).toThrow(/3 bytes, 8 needed/);
  });

  it('reads a receipt as people type it', () => {
    expect(normaliseReceiptNumber('NTR-2024-7K3M-9Q2X')).toBe('NTR-2024-7K3M-9Q2X');
    expect(normaliseReceiptNumber('  ntr 2024 7k3m 9q2x ')).toBe('NTR-2024-7K3M-9Q2X');
    expect(normaliseReceiptNumber('NTR20247K3M9Q2X')).toBe('NTR-2024-7K3M-9Q2X');
    expect(normaliseReceiptNumber('2024-7K3M-9Q2X')).toBe('NTR-2024-7K3M-9Q2X');
    // Look-alikes: O is 0, I and L are 1.
    expect(normaliseReceiptNumber('NTR-2O24-7K3M-OQIL')).toBe('NTR-2024-7K3M-0Q11');
  });

  it('rejects what cannot be a receipt', () => {
    expect(normaliseReceiptNumber('')).toBeNull();
    expect(normaliseReceiptNumber('NTR-2024-7K3M-9Q2')).toBeNull();
    expect(normaliseReceiptNumber('NTR-2024-7K3M-9Q2XX')).toBeNull();
    expect(normaliseReceiptNumber('NTR-2024-7K3M-9Q2U')).toBeNull();
    expect(normaliseReceiptNumber('ABC-2024-7K3M-9Q2X')).toBeNull();
    expect(normaliseReceiptNumber('NTR-24-7K3M-9Q2XAB')).toBeNull();
  });
});

describe('report secret', () => {
  it('is 16 Crockford symbols in groups of four', () => {
    expect(generateReportSecret(counting)).toBe('0123-4567-89AB-CDEF');
    expect(generateReportSecret(constant(255))).toBe('ZZZZ-ZZZZ-ZZZZ-ZZZZ');
  });

  it('uses the random source it is given, so two calls differ when the bytes do', () => {
    let call = 0;
    const source: RandomBytes = (size) => new Uint8Array(size).fill(call++);
    expect(generateReportSecret(source)).not.toBe(generateReportSecret(source));
  });

  it('normalises typed secrets to the one form the server hashes', () => {
    expect(normaliseReportSecret('0123-4567-89ab-cdef')).toBe('0123-4567-89AB-CDEF');
    expect(normaliseReportSecret(' O123 4567 89AB CDEF ')).toBe('0123-4567-89AB-CDEF');
    expect(normaliseReportSecret('0I23456789ABCDEF')).toBe('0123-4567-89AB-CDEF');
    expect(normaliseReportSecret('0123-4567-89AB-CDE')).toBeNull();
    expect(normaliseReportSecret('0123-4567-89AB-CDEU')).toBeNull();
  });
});
