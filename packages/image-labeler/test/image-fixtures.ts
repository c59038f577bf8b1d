/** Test images for the image labeler's browser tests, generated in the page (no files, no network). */

/** A grid of 100-px cells, so geometry is easy to reason about; an object URL of a PNG. */
export async function gridImageUrl(width: number, height: number): Promise<string> {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#9bb7d4';
  ctx.fillRect(0, 0, width, height);
  ctx.strokeStyle = '#335';
  for (let x = 0; x < width; x += 100) ctx.strokeRect(x, 0, 100, height);
  for (let y = 0; y < height; y += 100) ctx.strokeRect(0, y, width, 100);
  return URL.createObjectURL(await canvas.convertToBlob({ type: 'image/png' }));
}
