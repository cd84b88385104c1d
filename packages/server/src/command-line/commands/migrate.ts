import { migrations } from '../../db/migrations/index.ts';
import { EXIT, type Command } from '../command.ts';

/**
 * Starting the database already migrates it (and keeps the reference data current, which the
 * schema's foreign keys rely on); this command does just that and reports where the schema is.
 */
export const migrateCommand: Command = {
  words: ['migrate'],
  summary: {
    id: 'Perbarui skema basis data ke versi terbaru (tanpa data demo).',
    en: 'Bring the database schema up to date (no demo data).',
  },
  description: {
    id: 'Menjalankan migrasi yang belum dijalankan dan memastikan data referensi (wilayah, pemilihan) terpasang.',
    en: 'Runs the migrations not yet applied and makes sure the reference data (regions, elections) is loaded.',
  },
  arguments: [],
  async run({ print, language }) {
    const names = Object.keys(migrations);
    const latest = names[names.length - 1];
    print(
      language === 'id'
        ? `Skema basis data terbaru: ${names.length} migrasi, terakhir ${latest}.`
        : `Database schema up to date: ${names.length} migration(s), latest ${latest}.`,
    );
    return EXIT.ok;
  },
};
