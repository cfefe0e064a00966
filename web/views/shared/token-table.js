// The numbers of a tokens x tokens figure as one table (lib/figure-data.js): one row per pair of
// tokens (a, b), in the matrices' reading order, with each matrix the figure draws as a column.

/** tokens: [{ text, position }]; matrices: [{ label, values }] with values[a * n + b]. */
export function tokenPairTable({ name, settings, tokens, rowRole = 'a', colRole = 'b', matrices }) {
  const n = tokens.length;
  const rows = [];
  for (let a = 0; a < n; a += 1) {
    for (let b = 0; b < n; b += 1) {
      rows.push([tokens[a].text, tokens[a].position, tokens[b].text, tokens[b].position, ...matrices.map(({ values }) => values[a * n + b])]);
    }
  }
  return {
    name,
    settings,
    columns: [`token ${rowRole} (row)`, `position of ${rowRole}`, `token ${colRole} (column)`, `position of ${colRole}`, ...matrices.map(({ label }) => label)],
    rows,
  };
}
