// The numbers behind the stage strip: for each pair of copies, how far apart their rows are at
// every stage of the head, without and with positions. "Equal in float32" is the core's verdict
// (no further apart than float32 rounding can put rows equal in exact arithmetic), worded so that
// no one reads it as equal in exact arithmetic: a difference below float32's resolution of these
// values does not show. When rounding left a tiny distance, the table says so and shows it; the
// cosine of rows that differ is written with enough digits not to read as 1.
// Rows are built once per pair and then only their text changes, so typing does not rebuild the
// table (a rebuilt table is laid out from scratch, which is slow).
import { element, setText } from '../../charts/figure.js';
import { formatCosine, formatDistinctCosine, formatShort, formatWhole } from '../../lib/format.js';

const ROWS = [
  { key: 'input', name: 'Input vectors' },
  { key: 'query', name: 'Queries' },
  { key: 'key', name: 'Keys' },
  { key: 'weights', name: 'Attention weights (each copy’s row)' },
  { key: 'context', name: 'Attention outputs' },
];
const COLUMNS = [
  { key: 'withoutPE', name: 'without positions' },
  { key: 'withPE', name: 'with positions' },
];

function headerCell(tag, text, scope) {
  const cell = element(tag, '', text);
  cell.scope = scope;
  return cell;
}

function verdictText(identical, distance) {
  if (!identical) return '≠ different';
  return distance === 0 ? '= equal in float32' : '= equal up to float32 rounding';
}

// One cell: the verdict, then the distance and the cosine on lines of their own.
function createCell() {
  const cell = element('td', 'distance-cell');
  const verdict = element('span', 'verdict');
  const distance = element('span', 'metric');
  const cosine = element('span', 'metric');
  cell.append(verdict, distance, cosine);
  return {
    cell,
    update(identical, distanceValue, cosineValue) {
      setText(verdict, verdictText(identical, distanceValue));
      verdict.classList.toggle('is-identical', identical);
      verdict.classList.toggle('is-different', !identical);
      setText(distance, `L2 = ${formatShort(distanceValue)}`);
      setText(cosine, `cos = ${identical ? formatCosine(cosineValue) : formatDistinctCosine(cosineValue)}`);
    },
  };
}

// The rows of one pair: a title row (used when the word has more than two copies) and one row
// per compared stage.
function createPairRows() {
  const titleCell = headerCell('th', '', 'colgroup');
  titleCell.colSpan = 3;
  const titleRow = element('tr', 'pair-title');
  titleRow.append(titleCell);
  const rows = ROWS.map(({ key, name }) => {
    const row = element('tr');
    const cells = COLUMNS.map(() => createCell());
    row.append(headerCell('th', name, 'row'), ...cells.map(({ cell }) => cell));
    return { key, row, cells };
  });
  return {
    titleRow,
    rows: rows.map(({ row }) => row),
    update(pair, tokens) {
      setText(titleCell, `positions ${formatWhole(tokens[pair.a].position)} and ${formatWhole(tokens[pair.b].position)}`);
      for (const { key, cells } of rows) {
        COLUMNS.forEach((column, c) =>
          cells[c].update(pair.identical[key][column.key], pair[`${key}Distance`][column.key], pair[`${key}Cosine`][column.key]),
        );
      }
    },
  };
}

/** Returns { element, update(pairs, tokens) } for the pairs of one repeated word. */
export function createDistanceTable() {
  const table = element('table', 'distance-table');
  const caption = element(
    'caption',
    '',
    'How far apart the copies are at each stage. L2: the distance between their rows; ' +
      'cos: their cosine similarity (1 means the same direction). Equal in float32: equal as computed, or for outputs ' +
      'under the causal mask, which sum prefixes of different lengths, no further apart than float32 rounding can put ' +
      'equal rows. A difference below float32’s resolution of these values does not show, so equal here need not ' +
      'mean equal in exact arithmetic.',
  );
  const head = element('thead');
  const headRow = element('tr');
  headRow.append(element('td'), ...COLUMNS.map(({ name }) => headerCell('th', name, 'col')));
  head.append(headRow);
  const body = element('tbody');
  table.append(caption, head, body);
  const slots = [];
  let layout = '';

  return {
    element: table,
    update(pairs, tokens) {
      while (slots.length < pairs.length) slots.push(createPairRows());
      const titled = pairs.length > 1;
      if (layout !== `${pairs.length}:${titled}`) {
        layout = `${pairs.length}:${titled}`;
        body.replaceChildren(...slots.slice(0, pairs.length).flatMap((slot) => (titled ? [slot.titleRow, ...slot.rows] : slot.rows)));
      }
      pairs.forEach((pair, p) => slots[p].update(pair, tokens));
    },
  };
}
