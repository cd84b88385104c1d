import { describe, expect, it } from 'vitest';
import { formatLocalDateTime, localClock, receptionOf, zoneAbbreviation } from './local-time.ts';

const PILKADA_HOURS = { from: '08:00', to: '16:00' };

describe('formatLocalDateTime', () => {
  const instant = new Date('2024-11-04T13:50:00Z');

  it('names the zone of each of the three Indonesian zones', () => {
    expect(formatLocalDateTime(instant, 'Asia/Jakarta')).toBe('4 November 2024 pukul 20.50 WIB');
    expect(formatLocalDateTime(instant, 'Asia/Makassar')).toBe('4 November 2024 pukul 21.50 WITA');
    expect(formatLocalDateTime(instant, 'Asia/Jayapura')).toBe('4 November 2024 pukul 22.50 WIT');
  });

  it('crosses midnight in the zone, not in UTC', () => {
    expect(formatLocalDateTime('2024-11-04T15:30:00Z', 'Asia/Jayapura')).toBe('5 November 2024 pukul 00.30 WIT');
    expect(formatLocalDateTime('2024-11-04T15:30:00Z', 'Asia/Jakarta', { language: 'en' })).toBe('4 November 2024, 22:30 WIB');
  });

  it('writes a sortable form for exports, optionally with seconds', () => {
    expect(formatLocalDateTime(instant, 'Asia/Makassar', { style: 'sortable' })).toBe('2024-11-04 21:50 WITA');
    expect(formatLocalDateTime('2024-11-04T13:50:07Z', 'Asia/Jakarta', { style: 'sortable', seconds: true })).toBe('2024-11-04 20:50:07 WIB');
  });

  it('refuses what is not a moment', () => {
    expect(() => formatLocalDateTime('kemarin', 'Asia/Jakarta')).toThrow(RangeError);
  });

  it('abbreviates known zones and leaves others named', () => {
    expect(zoneAbbreviation('Asia/Pontianak')).toBe('WIB');
    expect(zoneAbbreviation('Europe/Paris')).toBe('Europe/Paris');
    expect(localClock(new Date('2024-01-01T00:05:00Z'), 'Asia/Jakarta')).toBe('07:05');
  });
});

describe('receptionOf', () => {
  it('counts a report sent at 20:50 WIB from the next day and says why', () => {
    const r = receptionOf(new Date('2024-11-04T13:50:00Z'), 'Asia/Jakarta', PILKADA_HOURS);
    expect(r).toMatchObject({ filedOn: '2024-11-04', filedClock: '20:50', receivedOn: '2024-11-05', afterHours: true, zone: 'WIB' });
    expect(r.explanation.id).toContain('Dikirim 4 November 2024 pukul 20.50 WIB, setelah jam penerimaan Bawaslu (08:00–16:00 WIB)');
    expect(r.explanation.id).toContain('hari berikutnya, 5 November 2024');
    expect(r.explanation.en).toContain('counted as received on the next day, 5 November 2024');
  });

  it('closing time itself is after hours; a minute before is not', () => {
    expect(receptionOf(new Date('2024-11-04T09:00:00Z'), 'Asia/Jakarta', PILKADA_HOURS).receivedOn).toBe('2024-11-05');
    const before = receptionOf(new Date('2024-11-04T08:59:00Z'), 'Asia/Jakarta', PILKADA_HOURS);
    expect(before).toMatchObject({ receivedOn: '2024-11-04', afterHours: false });
    expect(before.explanation.id).toContain('sebelum jam penerimaan Bawaslu berakhir (16:00 WIB)');
  });

  it('before opening counts the same day', () => {
    expect(receptionOf(new Date('2024-11-03T23:30:00Z'), 'Asia/Jakarta', PILKADA_HOURS)).toMatchObject({ filedClock: '06:30', receivedOn: '2024-11-04', afterHours: false });
  });

  it('uses the region zone: 16:30 WITA is after hours though it is 15:30 WIB', () => {
    const instant = new Date('2024-11-04T08:30:00Z');
    expect(receptionOf(instant, 'Asia/Makassar', PILKADA_HOURS)).toMatchObject({ receivedOn: '2024-11-05', afterHours: true, zone: 'WITA' });
    expect(receptionOf(instant, 'Asia/Jakarta', PILKADA_HOURS)).toMatchObject({ receivedOn: '2024-11-04', afterHours: false });
  });

  it('without reception hours (Pemilu 2024) the filing day counts, and the explanation says the rules set none', () => {
    const r = receptionOf(new Date('2024-11-04T14:01:00Z'), 'Asia/Jakarta', undefined);
    expect(r).toMatchObject({ receivedOn: '2024-11-04', afterHours: false, hours: null });
    expect(r.explanation.id).toContain('tidak menetapkan jam penerimaan');
  });
});
