import { cpus, totalmem } from 'node:os';
import type { BenchResult } from './result';
import type { Summary } from './statistics';

const isSummary = (value: number | Summary): value is Summary => typeof value === 'object';

function figure(value: number | Summary, unit: string): string {
  if (!isSummary(value)) return `${value.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${unit}`;
  const f = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: n < 10 ? 2 : 1 });
  return `${f(value.min)} / ${f(value.median)} / ${f(value.p99)} ${unit} (n=${value.runs})`;
}

export function describeMachine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}/${process.arch}`;
}

/** The Markdown table printed by `npm run bench` and pasted into the README. */
export function toMarkdown(results: readonly BenchResult[], machine: string): string {
  const lines = [
    `Machine: ${machine}. Timings: min / median / p99.`,
    '',
    '| section | what | figure | baseline (same run) | budget | ok |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const ok = r.withinBudget === undefined ? '' : r.withinBudget ? 'yes' : '**no**';
    const baseline = r.baseline ? figure(r.baseline, r.unit) : '';
    const note = r.note ? ` (${r.note})` : '';
    lines.push(`| ${r.section} | ${r.name} | ${figure(r.value, r.unit)}${note} | ${baseline} | ${r.budget ?? ''} | ${ok} |`);
  }
  return lines.join('\n');
}
