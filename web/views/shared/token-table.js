// The numbers of a tokens x tokens figure as one table (lib/figure-data.js): one row per pair of
// tokens (a, b), in the matrices' reading order, with each matrix the figure draws as a column.
import { tokenText } from '../../lib/format.js';

/** tokens: pe.analyze's tokens ({ text, piece?, position }); matrices: [{ label, values }] with values[a * n + b]. */
export function tokenPairTable({ name, settings, tokens, rowRole = 'a', colRole = 'b', matrices }) {
  const n = tokens.length;
  const rows = [];
  for (let a = 0; a < n; a += 1) {
    for (let b = 0; b < n; b += 1) {
      rows.push([
        tokenText(tokens[a]),
        tokens[a].position,
        tokenText(tokens[b]),
        tokens[b].position,
        ...matrices.map(({ values }) => values[a * n + b]),
      ]);
    }
  }
  return {
    name,
    settings,
    columns: [
      `token ${rowRole} (row)`,
      `position of ${rowRole}`,
      `token ${colRole} (column)`,
      `position of ${colRole}`,
      ...matrices.map(({ label }) => label),
    ],
    rows,
  };
}
