/**
 * `npm run bench`: what each workflow costs, beside its target, measured in one run. Prints a
 * table and writes bench-output/bench.json. Never fails on a time; `--tiny` only checks that
 * it still runs (npm test uses it).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureBundle } from './bundle';
import { measureClientOverhead } from './client-overhead';
import { measureRenderer } from './renderer';
import { measureRequestCounts } from './request-counts';

const tiny = process.argv.includes('--tiny');
const root = join(import.meta.dirname, '..');

interface Row {
  group: string;
  figure: string;
  value: number;
  unit: string;
  target: string;
  comparison: string;
  met: boolean;
}

const rows: Row[] = [];
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

const counts = await measureRequestCounts(tiny ? 5 : 50);
for (const row of counts) {
  rows.push({
    group: 'requests',
    figure: row.workflow,
    value: row.requests,
    unit: 'req',
    target: `= ${row.target}`,
    comparison: `naive client: ${row.naive}`,
    met: row.requests === row.target,
  });
}

const overhead = await measureClientOverhead(tiny ? 50 : 2000);
rows.push({
  group: 'client',
  figure: `listApplicationTokens, median of ${overhead.calls} (client / bare fetch)`,
  value: overhead.ratio,
  unit: '×',
  target: '≤ 1.05',
  comparison: `${fmt(overhead.clientMedianMs, 3)} ms vs ${fmt(overhead.fetchMedianMs, 3)} ms`,
  met: overhead.ratio <= 1.05,
});

const renderer = await measureRenderer(tiny ? 200 : 10_000, tiny ? 3 : 25);
const n = renderer.tokens.toLocaleString('en');
rows.push({
  group: 'renderer',
  figure: `list answer → ${n} rows usable`,
  value: renderer.listToRowsMs,
  unit: 'ms',
  target: '≤ 100',
  comparison: 'performance marks in the page',
  met: renderer.listToRowsMs <= 100,
});
rows.push({
  group: 'renderer',
  figure: `search keystroke → rows updated at ${n} (median)`,
  value: renderer.searchMedianMs,
  unit: 'ms',
  target: '≤ 16',
  comparison: 'input mark → next frame after commit',
  met: renderer.searchMedianMs <= 16,
});
rows.push({
  group: 'renderer',
  figure: 'rate-limit event → gauge painted (median)',
  value: renderer.gaugeMedianMs,
  unit: 'ms',
  target: '≤ 16',
  comparison: 'event mark → next frame after commit',
  met: renderer.gaugeMedianMs <= 16,
});
rows.push({
  group: 'renderer',
  figure: `JS heap with ${n} tokens`,
  value: renderer.heapMb,
  unit: 'MB',
  target: '≤ 30',
  comparison: 'after a forced GC (CDP)',
  met: renderer.heapMb <= 30,
});

const bundle = measureBundle(root);
rows.push({
  group: 'bundle',
  figure: 'renderer initial JS, gzipped',
  value: bundle.jsGzipKb,
  unit: 'KB',
  target: '≤ 150',
  comparison: `${fmt(bundle.jsGzipKb / 69)} × plain React (69 KB)`,
  met: bundle.jsGzipKb <= 150,
});
rows.push({
  group: 'bundle',
  figure: 'renderer CSS, gzipped',
  value: bundle.cssGzipKb,
  unit: 'KB',
  target: '—',
  comparison: '',
  met: true,
});
rows.push({
  group: 'bundle',
  figure: 'app.asar (packed offline)',
  value: bundle.asarKb,
  unit: 'KB',
  target: '—',
  comparison: 'dist/ + electron-store',
  met: true,
});
rows.push({
  group: 'ipc',
  figure: 'no-op channel round trips through the preview bridge',
  value: renderer.ipcRoundTripsPerSecond,
  unit: '/s',
  target: '—',
  comparison: 'for reference',
  met: true,
});

const widths = [52, 12, 8, 40];
const pad = (text: string, width: number) =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
console.log(
  `\nmwtokens bench${tiny ? ' (tiny sizes: checks that it runs, figures not meaningful)' : ''}\n`,
);
console.log(
  ['figure', 'value', 'target', 'comparison'].map((h, i) => pad(h, widths[i] ?? 10)).join('  '),
  ' ok',
);
for (const row of rows) {
  const value = `${fmt(row.value, row.unit === 'req' ? 0 : row.unit === '×' ? 3 : 1)} ${row.unit}`;
  console.log(
    [row.figure, value, row.target, row.comparison]
      .map((c, i) => pad(c, widths[i] ?? 10))
      .join('  '),
    row.met ? ' ✓' : ' ✗',
  );
}
const out = join(root, 'bench-output');
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, tiny ? 'bench-tiny.json' : 'bench.json'),
  JSON.stringify({ measuredAt: new Date().toISOString(), tiny, rows }, null, 2),
);
console.log(`\nwritten to bench-output/${tiny ? 'bench-tiny.json' : 'bench.json'}`);
