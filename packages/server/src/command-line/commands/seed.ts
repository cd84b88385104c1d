import { electionList } from '../../capabilities/election-catalog/service.ts';
import { listRegions } from '../../capabilities/regions/service.ts';
import { EXIT, type Command } from '../command.ts';

/**
 * Starting the database loads the reference data, and the demo data when asked (see
 * `loadsDemoData`); this command does that and reports what the database now holds. Both loads
 * are idempotent and keep an administrator's edits to an election.
 */
export const seedCommand: Command = {
  words: ['seed'],
  summary: {
    id: 'Muat data referensi (wilayah, pemilihan) dan data demo fiktif.',
    en: 'Load the reference data (regions, elections) and the fictional demo data.',
  },
  arguments: [],
  options: {
    'no-demo': {
      type: 'boolean',
      description: { id: 'Hanya data referensi, tanpa data demo.', en: 'Reference data only, no demo data.' },
    },
  },
  loadsDemoData: (options) => options['no-demo'] !== true,
  async run({ db, print, language }) {
    const total = async (level: 'province' | 'regency' | 'district') =>
      (await listRegions({ db }, { level: [level], limit: 1, offset: 0 })).total;
    const [provinces, regencies, districts, elections] = await Promise.all([
      total('province'),
      total('regency'),
      total('district'),
      electionList({ db }, language),
    ]);
    print(
      language === 'id'
        ? `Wilayah: ${provinces} provinsi, ${regencies} kabupaten/kota, ${districts} kecamatan.`
        : `Regions: ${provinces} provinces, ${regencies} regencies/cities, ${districts} districts.`,
    );
    for (const election of elections.items) {
      const name = election.name;
      print(language === 'id' ? `${election.id}: ${name}, ${election.regionCount} wilayah.` : `${election.id}: ${name}, ${election.regionCount} regions.`);
    }
    return EXIT.ok;
  },
};
