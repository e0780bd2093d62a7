/** The rows that carry a target (a `met` column), gathered from every suite: the run's scorecard. */
export function summaryRows(report) {
  return report.suites.flatMap((suite) =>
    (suite.rows ?? []).filter((row) => row.met !== undefined).map((row) => ({ suite: suite.id, ...row })),
  );
}

/** The Markdown summary of a bench report, for the README's performance section. */
export function toMarkdown(report) {
  const lines = [
    `Measured ${report.at} on Node ${report.node}, ${report.cpus ?? '?'} cores${report.postgres ? `, PostgreSQL ${report.postgres}` : ''}; medians of ${report.runs} runs after a warm-up${report.quick ? ' (--quick sizes)' : ''}.`,
    '',
  ];
  const summary = report.summary ?? [];
  if (summary.length > 0) lines.push('### Targets', '', ...table(summary), '');
  for (const suite of report.suites) {
    lines.push(`### ${suite.title}`, '');
    if (suite.error) {
      lines.push('Failed: ' + suite.error.split('\n')[0], '');
      continue;
    }
    lines.push(...table(suite.rows), '');
  }
  return lines.join('\n');
}

function table(rows) {
  // Rows of one suite may carry different columns (a ratio row has a target); show their union.
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return [
    `| ${columns.join(' | ')} |`,
    `|${columns.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${columns.map((c) => format(row[c])).join(' | ')} |`),
  ];
}

function format(value) {
  if (value === undefined) return '';
  if (typeof value !== 'number') return String(value);
  if (Number.isNaN(value)) return '—';
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toFixed(value >= 10 ? 1 : 2);
}
