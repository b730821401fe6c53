/**
 * Columns aligned for a terminal: the first column left-aligned, the others right-aligned (numbers).
 * A row with a single cell is a note under the row above and is printed as it is.
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const tabular = [header, ...rows.filter((row) => row.length > 1)];
  const widths = header.map((_, column) => Math.max(...tabular.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]) =>
    row.length === 1
      ? (row[0] ?? '')
      : row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  return [header, ...rows].map(line).join('\n');
}
