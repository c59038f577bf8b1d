/**
 * Turns scenario results into the markdown table printed on stdout (pasteable into a closing
 * note) and decides each row's ratio and verdict. Pure: no I/O.
 */
import type { Better, Row, ScenarioResult, Target } from './types.js';

/** A row's verdict: "pass"/"FAIL" against its target, "–" without one. */
export type Verdict = 'pass' | 'FAIL' | '–';

/** Which way `row` improves. */
export function betterOf(row: Row): Better {
  return row.better ?? (row.unit.endsWith('/s') ? 'higher' : 'lower');
}

/** ours / baseline, or undefined for a row without a usable baseline. */
export function ratioOf(row: Row): number | undefined {
  if (!row.baseline || !(row.baseline.value > 0) || !Number.isFinite(row.ours)) return undefined;
  return row.ours / row.baseline.value;
}

/** Checks the row against its target; rows without one (or without a ratio to judge) get "–". */
export function verdictOf(row: Row): Verdict {
  const target = row.target;
  if (!target) return '–';
  const value = target.on === 'ratio' ? ratioOf(row) : row.ours;
  if (value === undefined || !Number.isFinite(value)) return 'FAIL';
  if (target.max !== undefined && value > target.max) return 'FAIL';
  if (target.min !== undefined && value < target.min) return 'FAIL';
  return 'pass';
}

function significant(value: number, digits = 3): string {
  if (value === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.max(0, digits - 1 - magnitude);
  return value.toFixed(Math.min(decimals, 6));
}

/** A value with its unit, compactly: "412 ms", "1.23 s", "243k ann/s", "38.4 kB". */
export function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return String(value);
  if (unit === 'ms') return Math.abs(value) >= 10_000 ? `${significant(value / 1000)} s` : `${significant(value)} ms`;
  if (unit === 'B') {
    if (Math.abs(value) < 1024) return `${Math.round(value)} B`;
    if (Math.abs(value) < 1024 * 1024) return `${significant(value / 1024)} kB`;
    return `${significant(value / (1024 * 1024))} MB`;
  }
  if (unit.endsWith('/s') || unit === '') {
    const abs = Math.abs(value);
    const scaled =
      abs >= 1e6 ? `${significant(value / 1e6)}M` : abs >= 1e4 ? `${significant(value / 1e3)}k` : significant(value);
    return unit ? `${scaled} ${unit}` : scaled;
  }
  return `${significant(value)} ${unit}`;
}

/** "3.43× (slower)": ours/baseline, with the direction spelled out for the reader. */
export function formatRatio(row: Row): string {
  const ratio = ratioOf(row);
  if (ratio === undefined) return '';
  // Within ±3 % is noise for every scenario we run; do not call it faster or slower.
  const worse = betterOf(row) === 'lower' ? ratio > 1 : ratio < 1;
  const word = Math.abs(ratio - 1) <= 0.03 ? 'same' : worse ? 'worse' : 'better';
  const speed = row.unit === 'ms' || row.unit.endsWith('/s');
  const label = word === 'same' ? '≈' : speed ? (worse ? 'slower' : 'faster') : worse ? 'larger' : 'smaller';
  return `${significant(ratio)}× (${label})`;
}

/** "≤ 50 ms", "≤ 1.5×", "≥ 60 fps", "40–60 fps". */
export function formatTarget(target: Target | undefined, unit: string): string {
  if (!target) return '';
  const show = (v: number) => (target.on === 'ratio' ? `${significant(v)}×` : formatValue(v, unit));
  const prefix = target.on === 'ratio' ? 'ratio ' : '';
  if (target.min !== undefined && target.max !== undefined) return `${prefix}${show(target.min)} – ${show(target.max)}`;
  if (target.max !== undefined) return `${prefix}≤ ${show(target.max)}`;
  if (target.min !== undefined) return `${prefix}≥ ${show(target.min)}`;
  return '';
}

const ENV_LABEL = { node: 'node', browser: 'chromium' } as const;

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The markdown table plus numbered notes (one per distinct row note, and one per failed scenario). */
export function renderTable(results: readonly ScenarioResult[]): string {
  const header = ['scenario', 'env', 'measure', 'ours', 'baseline', 'ratio', 'target', 'verdict'];
  const lines: string[][] = [];
  const notes: string[] = [];
  const noteNumber = (text: string) => {
    const existing = notes.indexOf(text);
    if (existing >= 0) return existing + 1;
    notes.push(text);
    return notes.length;
  };
  for (const result of results) {
    const env = ENV_LABEL[result.env];
    if (result.error) {
      lines.push([result.scenario, env, `error [${noteNumber(result.error)}]`, '', '', '', '', 'FAIL']);
      continue;
    }
    for (const row of result.rows) {
      const measure = row.note ? `${row.measure} [${noteNumber(row.note)}]` : row.measure;
      const baseline = row.baseline ? `${formatValue(row.baseline.value, row.unit)} (${row.baseline.name})` : '';
      lines.push([
        result.scenario,
        env,
        measure,
        formatValue(row.ours, row.unit),
        baseline,
        formatRatio(row),
        formatTarget(row.target, row.unit),
        verdictOf(row),
      ]);
    }
  }
  const cells = [header, ...lines].map((line) => line.map(escapeCell));
  const widths = header.map((_, i) => Math.max(3, ...cells.map((line) => [...line[i]!].length)));
  const pad = (line: string[]) =>
    `| ${line.map((cell, i) => cell + ' '.repeat(widths[i]! - [...cell].length)).join(' | ')} |`;
  const out = [pad(cells[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(pad)];
  if (notes.length) out.push('', ...notes.map((text, i) => `[${i + 1}] ${text}`));
  return out.join('\n');
}
