/**
 * The register file format as documentation and as a template to download, both rendered from
 * the core's ASN_COLUMNS so the page, the template and the validator cannot drift apart.
 */
import { PassThrough, type Readable } from 'node:stream';
import { ASN_COLUMNS, asnTemplateCsv, type Localised } from '@netra/core';
import ExcelJS from 'exceljs';

export function columnDocs(language: keyof Localised) {
  return ASN_COLUMNS.map((c) => ({
    key: c.key,
    aliases: [...c.aliases],
    required: c.required,
    requirementNote: c.requirementNote?.[language] ?? null,
    format: c.format[language],
    example: c.example,
    description: c.description[language],
    maxLength: c.maxLength ?? null,
  }));
}

/** The CSV template with a byte order mark, so Excel reads it as UTF-8. */
export const templateCsv = (): string => `\uFEFF${asnTemplateCsv()}`;

export function templateXlsx(language: keyof Localised): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet('ASN');
  // Text columns: a NIP typed as a number loses its last digits in a spreadsheet.
  sheet.columns = ASN_COLUMNS.map((c) => ({ header: c.key, key: c.key, width: Math.max(14, c.key.length + 4), style: { numFmt: '@' } }));
  sheet.addRow(Object.fromEntries(ASN_COLUMNS.map((c) => [c.key, c.example]))).commit();
  sheet.commit();
  const help = workbook.addWorksheet(language === 'id' ? 'Petunjuk' : 'Guide');
  help.addRow(language === 'id' ? ['kolom', 'wajib', 'format', 'keterangan'] : ['column', 'required', 'format', 'description']).commit();
  for (const c of ASN_COLUMNS) {
    const required = { yes: { id: 'ya', en: 'yes' }, no: { id: 'tidak', en: 'no' }, conditional: { id: 'bersyarat', en: 'conditional' } }[c.required][language];
    help.addRow([c.key, c.requirementNote ? `${required}: ${c.requirementNote[language]}` : required, c.format[language], c.description[language]]).commit();
  }
  help.commit();
  void workbook.commit().catch((error: Error) => out.destroy(error));
  return out;
}
