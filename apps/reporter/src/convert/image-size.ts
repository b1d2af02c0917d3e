/** An image's size in points from its own header (PNG's IHDR, JPEG's SOF), at 96 pixels to the inch. */

const PT_PER_PX = 72 / 96;

const pngSize = (bytes: Buffer): { width: number; height: number } | null => {
  if (
    bytes.length < 24 ||
    bytes.readUInt32BE(0) !== 0x89504e47 ||
    bytes.toString('latin1', 12, 16) !== 'IHDR'
  )
    return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
};

const jpegSize = (bytes: Buffer): { width: number; height: number } | null => {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1] ?? 0;
    const length = bytes.readUInt16BE(offset + 2);
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
      return { width: bytes.readUInt16BE(offset + 7), height: bytes.readUInt16BE(offset + 5) };
    offset += 2 + length;
  }
  return null;
};

export const imageSize = (
  bytes: Buffer,
  mediaType: 'image/png' | 'image/jpeg',
): { width: number; height: number } | null => {
  const pixels = mediaType === 'image/png' ? pngSize(bytes) : jpegSize(bytes);
  if (!pixels || pixels.width === 0 || pixels.height === 0) return null;
  return { width: pixels.width * PT_PER_PX, height: pixels.height * PT_PER_PX };
};
