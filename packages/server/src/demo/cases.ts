import { sanctionTypesOf } from '@netra/core';
import type { TransitionBody } from '../capabilities/cases/schema.ts';
import { caseLedger } from '../capabilities/cases/ledger.ts';
import { transitionCase } from '../capabilities/cases/service.ts';
import { fileReport } from '../capabilities/reports/intake.service.ts';
import type { AppContext } from '../context.ts';
import type { StaffUser } from '../http/request-context.ts';
import { demoStaff } from './accounts.ts';
import * as data from './demo.repository.ts';

const META = { ip: null, userAgent: 'netra-seed' };

/** A demo account the cases need: they are loaded after the accounts. */
async function officer(ctx: AppContext, email: string): Promise<StaffUser> {
  const staff = await demoStaff(ctx, email);
  if (!staff) throw new Error(`Demo account ${email} is missing`);
  return staff;
}

/**
 * Demo cases of Pilkada 2024, filed and handled on the dates they would have been (the clock is
 * set back for each step), so the dashboards, queues, deadlines and public pages have something
 * to show: in Kabupaten Banyuasin one case carried from a public report to a recorded sanction
 * and closed, one recommended to the PPK whose follow-up never came (overdue); in Kabupaten
 * Mojokerto one report still under review. Reports, transitions and audit entries go through the
 * same services as the console. Kota Mojokerto and Banyuwangi are left without demo cases.
 */
export async function seedDemoCases(ctx: AppContext, progress: (message: string) => void = () => {}): Promise<boolean> {
  if (await data.hasCasesIn(ctx.db, ['16.07', '35.16'])) return false;
  const people = async (region: string) => data.demoPeople(ctx.db, region, { offset: 20, limit: 3, inUnit: true });
  const [banyuasin, mojokerto] = [await people('16.07'), await people('35.16')];
  if (banyuasin.length < 2 || mojokerto.length < 1) return false;
  const staff = {
    bawaslu: await officer(ctx, 'bawaslu.banyuasin@netra.demo'),
    bawasluMojokerto: await officer(ctx, 'bawaslu.kabmojokerto@netra.demo'),
    bkn: await officer(ctx, 'bkn@netra.demo'),
    ppk: await officer(ctx, 'ppk.banyuasin@netra.demo'),
  };
  // 09:00 WIB on the given day.
  const on = (day: string): AppContext => ({ ...ctx, now: () => new Date(`${day}T02:00:00Z`) });
  const file = (day: string, region: string, person: (typeof banyuasin)[number], description: string, actCodes: string[]) =>
    fileReport(
      on(day),
      caseLedger,
      { actor: null, meta: META },
      {
        electionId: 'pilkada-2024',
        regionCode: region,
        place: 'Grup WhatsApp dan akun Facebook pribadi',
        occurredOn: day,
        knownOn: day,
        description,
        actCodes,
        reportedName: person.name,
        reportedNip: person.nip,
        reportedAgency: person.unit ?? undefined,
        reportedPosition: person.position_title,
        // A named reporter: the formal requirements are met, so the report goes to review as a report
        // (an anonymous one would have to become a Bawaslu finding first).
        anonymous: false,
        reporterName: 'Warga Pelapor (fiktif)',
        reporterAddress: 'Jl. Contoh No. 1, Kelurahan Fiktif',
        reporterPhone: '081200000000',
        // The official form's particulars of a named reporter (Perbawaslu 9/2024), sealed with the identity.
        reporterBirthPlace: 'Banyuwangi',
        reporterBirthDate: '1985-04-12',
        reporterGender: 'P',
        reporterOccupation: 'Wiraswasta',
        reporterNationality: 'Indonesia',
      },
      [],
      { source: 'public' },
    );
  const move = async (day: string, who: StaffUser, caseId: string, body: TransitionBody) => transitionCase(on(day), { actor: who, language: 'id', meta: META }, caseId, body);
  const note = (text: string) => ({ note: text });

  /** Bawaslu Banyuasin checks, accepts, classifies and forwards; BKN verifies and recommends to the PPK. */
  const toPpk = async (caseId: string, days: { received: string; classified: string; recommended: string }, actCodes: string[], finding: string, letters: [string, string]) => {
    await move(days.received, staff.bawaslu, caseId, { transition: 'start_check', ...note('Laporan diterima dan dicek kelengkapannya.') });
    await move(days.received, staff.bawaslu, caseId, { transition: 'accept_for_review', ...note('Syarat formal dan materiel terpenuhi.') });
    await move(days.classified, staff.bawaslu, caseId, { transition: 'classify_violation', actCodes, ...note(finding) });
    await move(days.classified, staff.bawaslu, caseId, { transition: 'forward_to_bkn', letterNumber: letters[0], ...note('Diteruskan kepada BKN dengan rekomendasi.') });
    await move(days.recommended, staff.bkn, caseId, { transition: 'bkn_verify', ...note('Berkas lengkap dan sesuai.') });
    await move(days.recommended, staff.bkn, caseId, { transition: 'recommend_to_ppk', letterNumber: letters[1], ...note('Rekomendasi penjatuhan sanksi kepada PPK.') });
  };

  // Banyuasin, carried all the way.
  const done = await file('2024-10-02', '16.07', banyuasin[0], 'Mengunggah foto bersama pasangan calon bupati sambil mengacungkan jari dan mengajak rekan kerja memilihnya.', ['A02']);
  await toPpk(done.caseId, { received: '2024-10-02', classified: '2024-10-04', recommended: '2024-10-09' }, ['A02'], 'Terbukti: unggahan ajakan memilih di media sosial, diklarifikasi kepada terlapor.', ['012/PM.00.02/K.SS-07/10/2024', 'R-2291/BKN/X/2024']);
  await move('2024-10-16', staff.ppk, done.caseId, {
    transition: 'record_sanction',
    sanctionTypes: [sanctionTypesOf('discipline', 'heavy')[0], 'moral_sanction_open_statement'],
    decreeNumber: '800.1.6/045/BKPSDM/2024',
    decreeDate: '2024-10-16',
    ...note('Sanksi dijatuhkan sesuai rekomendasi.'),
  });
  await move('2024-10-18', staff.bkn, done.caseId, { transition: 'close', ...note('Tindak lanjut PPK diterima; perkara ditutup.') });

  // Banyuasin, waiting for the PPK ever since.
  const waiting = await file('2024-10-21', '16.07', banyuasin[1], 'Hadir dalam kampanye pasangan calon dengan seragam dinas dan ikut meneriakkan yel-yel.', ['A04']);
  await toPpk(waiting.caseId, { received: '2024-10-21', classified: '2024-10-23', recommended: '2024-10-28' }, ['A04'], 'Terbukti hadir dan mendukung aktif, berdasarkan foto dan keterangan saksi.', ['019/PM.00.02/K.SS-07/10/2024', 'R-2410/BKN/X/2024']);

  // Kabupaten Mojokerto, still under review.
  const review = await file('2024-11-20', '35.16', mojokerto[0], 'Membagikan materi kampanye pasangan calon di grup WhatsApp guru satu kecamatan.', ['A02']);
  await move('2024-11-20', staff.bawasluMojokerto, review.caseId, { transition: 'start_check', ...note('Laporan diterima dan dicek kelengkapannya.') });
  await move('2024-11-21', staff.bawasluMojokerto, review.caseId, { transition: 'accept_for_review', ...note('Syarat terpenuhi; klarifikasi terlapor dijadwalkan.') });

  progress('Data demo: 3 perkara Pilkada 2024 (Kabupaten Banyuasin dan Kabupaten Mojokerto)');
  return true;
}
