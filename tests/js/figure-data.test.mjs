// The pure helpers behind figure export (web/lib/figure-data.js): CSV quoting, file names, and
// how much of a long table the page shows.
// Run: node --test tests/js/figure-data.test.mjs
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { csvField, figureFileName, matrixTable, SHOWN, shownPart, tableCsv } from '../../web/lib/figure-data.js';

test('csvField: numbers in full, empty for missing, quotes only where RFC 4180 needs them', () => {
  assert.equal(csvField(0.1 + 0.2), '0.30000000000000004');
  assert.equal(csvField(-0.5), '-0.5');
  assert.equal(csvField(1e-7), '1e-7');
  assert.equal(csvField(Infinity), 'infinity');
  assert.equal(csvField(NaN), 'nan');
  assert.equal(csvField(null), '');
  assert.equal(csvField(undefined), '');
  assert.equal(csvField('index 1 = bit 0 (LSB)'), 'index 1 = bit 0 (LSB)');
  assert.equal(csvField('a, b'), '"a, b"');
  assert.equal(csvField('say "dog"'), '"say ""dog"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField(' dog'), '" dog"');
  assert.equal(csvField('PE(p) · PE(q)'), 'PE(p) · PE(q)');
});

test('csvField: text a spreadsheet would run as a formula is written as text; numbers are not touched', () => {
  assert.equal(csvField('=SUM(A1:A9)'), "'=SUM(A1:A9)");
  assert.equal(csvField('+1'), "'+1");
  assert.equal(csvField('-ing'), "'-ing");
  assert.equal(csvField('@home'), "'@home");
  assert.equal(csvField('\tdog'), "'\tdog");
  assert.equal(csvField('\rdog'), `"'\rdog"`); // still quoted for its line break
  assert.equal(csvField('=a,b'), `"'=a,b"`);
  assert.equal(csvField('a=b'), 'a=b');
  assert.equal(csvField(-0.5), '-0.5');
  assert.equal(tableCsv({ columns: ['token'], rows: [['=1+1']] }), "token\r\n'=1+1\r\n");
});

test('tableCsv: a header line and one line per row, CRLF ends, every row as long as the header', () => {
  const csv = tableCsv({
    columns: ['token', 'position', 'length'],
    rows: [
      ['The', 0, 0.25],
      ['dog, again', 4, null],
    ],
  });
  assert.equal(csv, 'token,position,length\r\nThe,0,0.25\r\n"dog, again",4,\r\n');
  assert.equal(tableCsv({ columns: ['only'], rows: [] }), 'only\r\n');
});

test('figureFileName: the figure, then each setting, in lower-case words safe on every system', () => {
  assert.equal(
    figureFileName({ name: 'binary-grid', settings: { start: 64, count: 12, dim: 8 } }, 'csv'),
    'pe-lab-binary-grid-start-64-count-12-dim-8.csv',
  );
  assert.equal(
    figureFileName({ name: 'rope-wavelengths', settings: { preset: 'llama3.1' } }, 'png'),
    'pe-lab-rope-wavelengths-preset-llama3.1.png',
  );
  assert.equal(
    figureFileName({ name: 'copies-of-Dög/..', settings: { kind: 'RoPE (rotary)' } }, 'svg'),
    'pe-lab-copies-of-dog-kind-rope-rotary.svg',
  );
  assert.equal(figureFileName({ name: 'flip-frequency' }, 'csv'), 'pe-lab-flip-frequency.csv');
});

test('shownPart: a short table whole, a long or wide one cut with a note that says how much', () => {
  assert.deepEqual(shownPart(12, 11), { rows: 12, cols: 11, note: '' });
  assert.deepEqual(shownPart(65536, 19), {
    rows: SHOWN.rows,
    cols: 19,
    note: 'Showing the first 100 of 65,536 rows; save the CSV for all of them.',
  });
  assert.deepEqual(shownPart(64, 513), {
    rows: 64,
    cols: SHOWN.cols,
    note: 'Showing the first 40 of 513 columns; save the CSV for all of them.',
  });
  assert.equal(shownPart(101, 41).note, 'Showing the first 100 of 101 rows and the first 40 of 41 columns; save the CSV for all of them.');
});

test('matrixTable: a row label column, then one column per matrix column', () => {
  const table = matrixTable({
    name: 'm',
    settings: {},
    corner: 'position p',
    rowLabels: [5, 6],
    columns: ['q = 5', 'q = 6'],
    value: (r, c) => 10 * r + c,
  });
  assert.deepEqual(table.columns, ['position p', 'q = 5', 'q = 6']);
  assert.deepEqual(table.rows, [
    [5, 0, 1],
    [6, 10, 11],
  ]);
});
