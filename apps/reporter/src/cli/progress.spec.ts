import { PassThrough } from 'node:stream';
import { createProgress } from './progress.js';

const streamOf = (isTTY: boolean) => {
  const stream = new PassThrough();
  let written = '';
  stream.on('data', (chunk: Buffer) => (written += chunk.toString()));
  return { stream: Object.assign(stream, { isTTY }), written: () => written };
};

describe(createProgress.name, () => {
  it('draws a counter on one terminal line and clears it when done', () => {
    const { stream, written } = streamOf(true);
    const sut = createProgress(stream, 'Rendering public agenda pack', 0);
    sut.onProgress?.(1);
    sut.onProgress?.(120);
    sut.done();
    expect(written()).toBe(
      '\rRendering public agenda pack: 1 page\u001b[K' +
        '\rRendering public agenda pack: 120 pages\u001b[K' +
        '\r\u001b[K',
    );
  });

  it('redraws at most once per interval', () => {
    const { stream, written } = streamOf(true);
    const sut = createProgress(stream, 'Rendering', 60_000);
    for (let page = 1; page <= 300; page += 1) sut.onProgress?.(page);
    expect(written()).toBe('\rRendering: 1 page\u001b[K');
  });

  it('writes nothing when the stream is not a terminal', () => {
    const { stream, written } = streamOf(false);
    const sut = createProgress(stream, 'Rendering', 0);
    expect(sut.onProgress).toBeUndefined();
    sut.done();
    expect(written()).toBe('');
  });
});
