import { expect } from 'chai';
import { LABEL_PALETTE, assignColors, expandHexColor, isHexColor, textColorOn } from './palette.js';

// Colour-vision deficiency: linear-RGB simulation matrices of Machado, Oliveira & Fernandes
// (2009) at full severity, then CIE L*a*b* distances (ΔE*ab) between the simulated colours.
const DEFICIENCIES = {
  protanopia: [0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998],
  deuteranopia: [0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881],
  tritanopia: [1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.3039],
  none: [1, 0, 0, 0, 1, 0, 0, 0, 1],
} as const;

function labAsSeenWith(hex: string, m: readonly number[]): [number, number, number] {
  const full = expandHexColor(hex);
  const lin = [1, 3, 5].map((i) => {
    const v = parseInt(full.slice(i, i + 2), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  const [r, g, b] = [0, 1, 2].map((row) =>
    Math.min(1, Math.max(0, m[row * 3]! * lin[0]! + m[row * 3 + 1]! * lin[1]! + m[row * 3 + 2]! * lin[2]!)),
  ) as [number, number, number];
  const f = (t: number): number => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

/** The closest two colours of `palette` for a viewer with each deficiency, as ΔE*ab. */
function closestPairs(palette: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, m] of Object.entries(DEFICIENCIES)) {
    const lab = palette.map((c) => labAsSeenWith(c, m));
    let least = Infinity;
    for (let i = 0; i < lab.length; i++)
      for (let j = i + 1; j < lab.length; j++)
        least = Math.min(least, Math.hypot(...lab[i]!.map((v, k) => v - lab[j]![k]!)));
    out[name] = least;
  }
  return out;
}

describe('palette', () => {
  it('keeps every two colours apart for workers with a colour-vision deficiency', () => {
    for (const [name, distance] of Object.entries(closestPairs(LABEL_PALETTE)))
      expect(distance, name).to.be.greaterThan(15);
    // The palette the image labeler used before (d3's category10) fails: with protanopia its
    // green and orange are nearly one colour (ΔE ≈ 5), so "car" and "person" boxes looked alike.
    const category10 = [
      '#1f77b4',
      '#d62728',
      '#2ca02c',
      '#9467bd',
      '#ff7f0e',
      '#17becf',
      '#8c564b',
      '#e377c2',
      '#7f7f7f',
      '#bcbd22',
    ];
    expect(closestPairs(category10)['protanopia']).to.be.below(6);
  });

  it('gives uncoloured items the palette colour at their position, keeping the task’s own', () => {
    const colors = assignColors([{ id: 'a', color: '#1f77b4' }, { id: 'b' }, { id: 'c', color: '#0a0' }, { id: 'd' }]);
    expect([...colors]).to.deep.equal([
      ['a', '#1f77b4'],
      ['b', LABEL_PALETTE[1]],
      ['c', '#00aa00'],
      ['d', LABEL_PALETTE[3]],
    ]);
    expect([...assignColors([{ id: 'x' }, { id: 'y' }]).values()]).to.deep.equal([LABEL_PALETTE[0], LABEL_PALETTE[1]]);
  });

  it('skips palette colours the task already uses, whatever their case or length', () => {
    // a's own position colour (the first) is d's and the next (the second) b's: a takes the third.
    const colors = assignColors([
      { id: 'a' },
      { id: 'b', color: '#e69f00' },
      { id: 'c' },
      { id: 'd', color: '#0072b2' },
    ]);
    expect([...colors.values()]).to.deep.equal([LABEL_PALETTE[2], '#e69f00', LABEL_PALETTE[3], '#0072b2']);
    const short = assignColors([{ id: 'a' }, { id: 'b', color: '#000' }], ['#000000', '#ffffff']);
    expect([...short.values()]).to.deep.equal(['#ffffff', '#000000']);
    // Never two items with one colour while free colours last.
    const many = assignColors(
      LABEL_PALETTE.map((_c, i) => ({ id: `l${i}`, ...(i % 3 ? {} : { color: LABEL_PALETTE[7 - i] }) })),
    );
    expect(new Set([...many.values()].map((c) => c.toLowerCase())).size).to.equal(LABEL_PALETTE.length);
  });

  it('repeats by position once the palette is used up, and ignores invalid colours', () => {
    const nine = assignColors(Array.from({ length: 9 }, (_v, i) => ({ id: `l${i}` })));
    expect(nine.get('l8')).to.equal(LABEL_PALETTE[0]);
    const hostile = assignColors([
      { id: 'a', color: 'red;}:host{display:none' },
      { id: 'a', color: '#123' },
    ]);
    expect([...hostile]).to.deep.equal([['a', LABEL_PALETTE[0]]]);
    expect([...assignColors([{ id: 'a' }, { id: 'b', color: '#123' }], [])]).to.deep.equal([['b', '#112233']]);
  });

  it('accepts only #rgb and #rrggbb colours', () => {
    for (const ok of ['#abc', '#ABCDEF', '#0072B2']) expect(isHexColor(ok), ok).to.equal(true);
    for (const bad of ['abc', '#abcd', '#12345g', 'red', '#fff;x', ' #fff', 'var(--x)', 7, undefined])
      expect(isHexColor(bad), String(bad)).to.equal(false);
    expect(expandHexColor('#0aF')).to.equal('#00aaFF');
    expect(expandHexColor('#0072B2')).to.equal('#0072B2');
  });

  it('picks black or white text, whichever reads on the colour', () => {
    expect(textColorOn('#000000')).to.equal('#ffffff');
    expect(textColorOn('#fff')).to.equal('#000000');
    expect(textColorOn('#F0E442')).to.equal('#000000');
    expect(textColorOn('#0072B2')).to.equal('#ffffff');
  });
});
