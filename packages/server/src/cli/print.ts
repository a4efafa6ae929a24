/** Output helpers: aligned tables and key/value blocks for people, indented JSON for programs. */

export const printJson = (value: unknown) => console.log(JSON.stringify(value, null, 2));

export function printTable(headers: string[], rows: string[][], indent = ''): void {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => indent + cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ');
  console.log(line(headers));
  for (const row of rows) console.log(line(row));
}

/** `key  value` lines with the values aligned. */
export function printFields(fields: Array<[string, string]>, indent = ''): void {
  const width = Math.max(...fields.map(([key]) => key.length));
  for (const [key, value] of fields) console.log(`${indent}${key.padEnd(width)}  ${value}`);
}

/** Cognito's dates are epoch seconds with a fraction; people read ISO 8601 to the second. */
export const dateOf = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z');

export const yesNo = (value: boolean) => (value ? 'yes' : 'no');
