/** The Markdown summary of a bench report, for the README's performance section. */
export function toMarkdown(report) {
  const lines = [`Measured ${report.at} on Node ${report.node}; medians of ${report.runs} runs after a warm-up.`, ''];
  for (const suite of report.suites) {
    lines.push(`### ${suite.title}`, '');
    if (suite.error) {
      lines.push('Failed: ' + suite.error.split('\n')[0], '');
      continue;
    }
    const columns = Object.keys(suite.rows[0] ?? {});
    lines.push(`| ${columns.join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`);
    for (const row of suite.rows) lines.push(`| ${columns.map((c) => format(row[c])).join(' | ')} |`);
    lines.push('');
  }
  return lines.join('\n');
}

function format(value) {
  if (typeof value !== 'number') return String(value);
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toFixed(value >= 10 ? 1 : 2);
}
