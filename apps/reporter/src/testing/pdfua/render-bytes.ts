/** Collects a render into memory, for tests that parse the PDF back. */
import { Writable } from 'node:stream';

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
