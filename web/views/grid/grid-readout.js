// What the readout line says about the row or cell being pointed at or selected with the keys.
import { formatWhole } from '../../lib/format.js';

export const READOUT_HINT = 'Point at a cell, or Tab to the grid and use the arrow keys, to read its position, index and bit.';

function indexName(k, dim) {
  if (dim === 1) return 'index 1 (LSB and MSB)';
  if (k === 1) return 'index 1 (LSB)';
  return k === dim ? `index ${k} (MSB)` : `index ${k}`;
}

/**
 * { position, index, codeIndex, bit } for a cell ({ row, col }), or just { position } when col
 * is null. index is the lecture's (1 = LSB); codeIndex = index - 1, as in pe.encode's rows.
 */
export function cellFacts(data, cell) {
  const position = data.start + cell.row;
  if (cell.col === null) return { position };
  const codeIndex = data.dim - 1 - cell.col;
  data.ensureRows(cell.row, cell.row);
  return { position, index: codeIndex + 1, codeIndex, bit: data.bit(cell.row, codeIndex) };
}

/** One line about cell; for a row without a cell, the row's code and its jump to the next. */
export function describeCell(data, cell) {
  data.ensureRows(cell.row, cell.row);
  const facts = cellFacts(data, cell);
  const parts = [`Position ${formatWhole(facts.position)} = ${data.binaryString(cell.row)}`];
  if (facts.index !== undefined) {
    parts.push(`${indexName(facts.index, data.dim)}, code index ${facts.codeIndex}`, `bit ${facts.bit}`);
  }
  const jump = data.jumpAfter(cell.row);
  if (jump !== null)
    parts.push(
      `${jump} of ${data.dim} ${data.dim === 1 ? 'bit' : 'bits'} ${jump === 1 ? 'flips' : 'flip'} to ${formatWhole(facts.position + 1)}`,
    );
  const same = data.sameCodeAs(cell.row);
  if (same !== facts.position) parts.push(`same code as position ${formatWhole(same)}`);
  return parts.join(' · ');
}
