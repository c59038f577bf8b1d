/**
 * Colours for labels and speakers a task leaves uncoloured, and the checks every colour from a
 * task passes before it reaches CSS or a canvas. Pure: no DOM.
 */

/**
 * The palette (Okabe & Ito, "Color Universal Design", 2008): eight colours that stay apart for
 * workers with any common colour-vision deficiency, in the order labels take them.
 */
export const LABEL_PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
] as const;

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** Whether `value` is a colour as tasks give them (the schema's `#rgb` or `#rrggbb`), and nothing more. */
export function isHexColor(value: unknown): value is string {
  return typeof value === 'string' && HEX_COLOR.test(value);
}

/** `#rgb` written out as `#rrggbb` (`#0a0` → `#00aa00`, case kept), for engines that want six digits. */
export function expandHexColor(color: string): string {
  return color.length === 4 ? `#${[...color.slice(1)].map((c) => c + c).join('')}` : color;
}

/**
 * The colour of every item (label, speaker) by id. An item with a valid colour of its own keeps
 * it (as six digits); one without takes the palette colour at its own position, or the next one
 * after it that no item of the task uses yet — so two items never share a colour while the
 * palette lasts, and giving one label a colour does not repaint the others. Colours compare
 * case-insensitively and `#abc` equals `#aabbcc`. With more uncoloured items than free colours,
 * the palette repeats by position. An invalid colour counts as none; for a repeated id the first
 * item wins; with an empty palette, items without a colour get none.
 */
export function assignColors(
  items: ReadonlyArray<{ id: string; color?: string }>,
  palette: readonly string[] = LABEL_PALETTE,
): Map<string, string> {
  const key = (color: string): string => expandHexColor(color).toLowerCase();
  const used = new Set<string>();
  for (const item of items) if (isHexColor(item.color)) used.add(key(item.color));
  const out = new Map<string, string>();
  items.forEach((item, index) => {
    if (out.has(item.id)) return;
    if (isHexColor(item.color)) {
      out.set(item.id, expandHexColor(item.color));
      return;
    }
    if (palette.length === 0) return;
    let color = palette[index % palette.length] as string;
    for (let step = 0; step < palette.length; step++) {
      const candidate = palette[(index + step) % palette.length] as string;
      if (!used.has(key(candidate))) {
        color = candidate;
        break;
      }
    }
    used.add(key(color));
    out.set(item.id, expandHexColor(color));
  });
  return out;
}

/**
 * Black or white, whichever reads better on `color` (a hex colour): white on colours whose
 * relative luminance (WCAG 2) is at most 0.179, where both give the same contrast.
 */
export function textColorOn(color: string): '#000000' | '#ffffff' {
  const full = expandHexColor(color);
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(full.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.179 ? '#000000' : '#ffffff';
}
