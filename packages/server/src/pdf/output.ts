/**
 * pdfkit writes a document as a stream; the letters and slips Netra renders are small, so they are
 * collected in memory and handed on whole.
 */

/** The bytes `doc` will write, once `doc.end()` is called. Call it before drawing anything. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
