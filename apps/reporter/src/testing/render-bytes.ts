/** Collects a render into memory, for tests that parse the PDF back. */
import { Writable } from 'node:stream';
import { readPdf } from './read-pdf.js';

export const renderToBytes = async (
  run: (out: NodeJS.WritableStream) => Promise<unknown>,
): Promise<Uint8Array> => {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  await run(out);
  return new Uint8Array(Buffer.concat(chunks));
};

/** The text of every page of a render, joined, with runs of white space as one space. */
export const renderedText = async (
  run: (out: NodeJS.WritableStream) => Promise<unknown>,
): Promise<string> => {
  const pdf = await readPdf(await renderToBytes(run), { readFonts: false });
  return pdf.pages.join(' ').replace(/\s+/g, ' ');
};
