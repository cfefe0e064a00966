// Every identical/different mark and every generated sentence of the sentence view, checked
// against an independent float64 recomputation of the attention head, across sentences x every
// scheme of pe.schemes x causal mask off/on x first positions, plus settings chosen to stress the
// rules (binary at 2 bits, where copies 4 apart share a code; RoPE at 2 dimensions; ALiBi with a
// tiny and a huge slope; integer and sinusoidal positions at 1,000,000; RoPE's half pairing with
// Llama 3's base; texts with a word 5 times and with more repeated words than colours).
//
// The reference is written here from shared/docs/references.md, not with the core's stages: only
// the token embeddings (pe.analyze(...).tokenEmbedding, the inputs) and the head's projections
// (pe.attentionWeights) come from the module; the positional tables, RoPE's rotation, ALiBi's bias,
// the causal mask, the softmax and the outputs are computed below in float64. "Identical" uses
// the documented rule (web/pe.js). Rows the head computes alike (inputs, queries, keys, weights,
// outputs without the mask) are identical when equal as computed in float32: the core's
// "different" must be a real difference (the reference's rows, computed alike too, differ), and
// its "identical" may hide only a difference float32 cannot hold (under 2^-19 of the rows'
// length, e.g. attention weights of e^-150 that float32 rounds to 0). Outputs under the mask are
// identical when their distance is at most the error bound of float32 sums of that length,
// recomputed here from the reference's own weights and values, and the core must agree. A verdict
// float32 rounding could decide (a distance within a factor of 8 of that bound; a shift's largest
// weight change within a factor of 8 of 2^-17) is ambiguous: each is recorded with its setting,
// and the last test fails naming them, since the rule would then need revisiting.
//
// The view is driven on one loaded page: each setting is applied to the controls in one
// page.evaluate (the view redraws synchronously), which then reads every visible text of the view's
// results. Each must match one of the known forms below and its claim must hold; a text of any
// other form, or a visible text the test does not read, fails the test, so a new or reworded
// sentence cannot go unchecked.
// Run: node --test tests/e2e/sentence-claims.test.mjs   (after `bash .ci/build.sh web`)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPE } from '../../web/pe.js';
import { openPage, useSession } from './support/browser.mjs';

const session = useSession();
const pe = await loadPE();

const FLOAT32_RESOLUTION = 2 ** -19; // below this, float32 may round rows that differ to equal ones
const UNIT = 2 ** -24; // float32's unit roundoff
const CHUNK = 32; // the core sums a chunk of 32 terms at a time (src/analysis/attention.cpp)
const WEIGHT_CHANGE = pe.analysisConstants.weightChangeTolerance;
const AMBIGUOUS_FACTOR = 8;
const MAX_COMPARED_COPIES = pe.analysisConstants.maxComparedCopies;
const GROUPS_SHOWN = 7; // one Okabe-Ito colour per repeated word
const COPIES_SHOWN = 4; // copies drawn per word
const STAGE_NAMES = ['input', 'query', 'key', 'weights', 'context'];
const RUNS = ['withoutPE', 'withPE'];

const SENTENCES = ['The dog chased another dog', 'the dog the dog', 'dog dog', 'The dog chased the ball. It could not catch it.'];
// Texts of our own: a word 5 times and another 4 times (copies 2, 4, 6 and 8 apart: at 2 bits
// the copies 4 and 8 apart share a code, the others do not, so verdicts are mixed), more repeated
// words than colours, and no repeated word at all.
const OWN = ['dog cat dog cat dog cat dog cat dog', 'a b c d e f g h a b c d e f g h', 'the cat sat on a mat'];
const DEFAULT_OPTIONS = Object.fromEntries(
  pe.schemes.flatMap(({ options }) => options.filter(({ type }) => type !== 'scaling').map(({ name, default: value }) => [name, value])),
);
// Settings that stress the rules, each over every text, both mask settings and its starts.
const STRESS = [
  { kind: 'binary', dim: 2, starts: [0, 50, 200] },
  { kind: 'rope', dim: 2, starts: [0, 200] },
  { kind: 'alibi', options: { slope: 1e-9 }, starts: [0] },
  { kind: 'alibi', options: { slope: 16 }, starts: [0, 200] },
  { kind: 'integer', starts: [1_000_000] },
  { kind: 'sinusoidal', starts: [1_000_000] },
  { kind: 'sinusoidal', options: { layout: 'split' }, starts: [50] },
  { kind: 'rope', options: { pairing: 'half', base: 500000 }, starts: [0, 200] },
  { kind: 'none', dim: 2, starts: [0] },
  { kind: 'binary', dim: 64, starts: [200] },
];
const SHIFTS = [1000, 1, 0, 1_000_000];

function settings() {
  const list = [];
  const add = (text, kind, causal, start, { dim = 8, options = {}, shift = 1000, required = false } = {}) =>
    list.push({ text, kind, causal, start, dim, shift, options: { ...DEFAULT_OPTIONS, ...options }, required });
  // The issue's matrix: every verdict here must be clear of float32 rounding. A learned table is
  // not in it: its untrained rows are random draws at the token embeddings' scale (0.02), so how
  // far a shift moves the weights depends on the draw (1e-5 at "dog dog", within float32's reach
  // of the 2^-17 rule), not on where the scheme acts; its verdicts are still checked, and its close
  // calls listed with the stress settings'.
  for (const text of SENTENCES) {
    for (const { name, learned } of pe.schemes)
      for (const causal of [false, true]) for (const start of [0, 50, 200]) add(text, name, causal, start, { required: !learned });
  }
  for (const text of OWN) for (const { name } of pe.schemes) for (const causal of [false, true]) add(text, name, causal, 0);
  let s = 0;
  for (const { kind, starts, ...extra } of STRESS) {
    for (const text of [...SENTENCES, ...OWN])
      for (const causal of [false, true])
        for (const start of starts) {
          add(text, kind, causal, start, { ...extra, shift: SHIFTS[s++ % SHIFTS.length] });
        }
  }
  return list;
}

// ---- The independent recomputation (float64) --------------------------------------------------

// The scheme's table P, from the definitions: integer p; binary bit i of p (i = 0 the least
// significant); sinusoidal sin/cos(p w_k), w_k = base^(-2k/d), interleaved or split. A learned
// table is random data, not a formula: its rows are read from pe.encode (their seeding is tested
// natively), and the head's arithmetic on them is what is recomputed here.
function positionTable(kind, { base, layout }, positions, dim) {
  if (kind === 'learned') return Float64Array.from(pe.encode({ kind, start: positions[0], count: positions.length, dim }).data);
  const table = new Float64Array(positions.length * dim);
  positions.forEach((p, r) => {
    for (let i = 0; i < dim; i += 1) {
      let value = 0;
      if (kind === 'integer') value = p;
      else if (kind === 'binary') value = Math.floor(p / 2 ** i) % 2;
      else if (kind === 'sinusoidal') {
        const [k, isCos] = layout === 'split' ? [i % (dim / 2), i >= dim / 2] : [Math.floor(i / 2), i % 2 === 1];
        const angle = p * base ** ((-2 * k) / dim);
        value = isCos ? Math.cos(angle) : Math.sin(angle);
      }
      table[r * dim + i] = value;
    }
  });
  return table;
}

// x W for row vectors: x is (n, dim), W (dim, dim) row-major.
function project(x, w, n, dim) {
  const out = new Float64Array(n * dim);
  for (let r = 0; r < n; r += 1) {
    for (let c = 0; c < dim; c += 1) {
      let sum = 0;
      for (let k = 0; k < dim; k += 1) sum += x[r * dim + k] * w[k * dim + c];
      out[r * dim + c] = sum;
    }
  }
  return out;
}

// RoPE: pair k of row r turned by position * theta_k, theta_k = base^(-2k/d); pairs (x_2k, x_2k+1)
// or, for 'half', (x_k, x_k+d/2).
function rotate(rows, positions, dim, { base, pairing }) {
  const out = Float64Array.from(rows);
  positions.forEach((p, r) => {
    for (let k = 0; k < dim / 2; k += 1) {
      const [i, j] = pairing === 'half' ? [k, k + dim / 2] : [2 * k, 2 * k + 1];
      const angle = p * base ** ((-2 * k) / dim);
      const x = rows[r * dim + i];
      const y = rows[r * dim + j];
      out[r * dim + i] = x * Math.cos(angle) - y * Math.sin(angle);
      out[r * dim + j] = x * Math.sin(angle) + y * Math.cos(angle);
    }
  });
  return out;
}

// One head: softmax(q.k / sqrt(d) - slope |i - j| (ALiBi), masked to j <= i under the causal mask)
// times the values.
function referenceHead({ embedding, weights, n, dim }, kind, start, causal, options) {
  const positions = Array.from({ length: n }, (_, r) => start + r);
  const table = positionTable(kind, options, positions, dim);
  const input = embedding.map((value, e) => value + table[e]);
  let query = project(input, weights.query, n, dim);
  let key = project(input, weights.key, n, dim);
  const value = project(input, weights.value, n, dim);
  if (kind === 'rope') {
    query = rotate(query, positions, dim, options);
    key = rotate(key, positions, dim, options);
  }
  const attention = new Float64Array(n * n);
  const context = new Float64Array(n * dim);
  // Under the mask: each output row's float32 error bound, (min(k, 32) + chunks + 4) u sum_j w_j |v_j|.
  const outputRounding = new Float64Array(n);
  const valueLength = (j) => Math.hypot(...value.subarray(j * dim, (j + 1) * dim));
  for (let i = 0; i < n; i += 1) {
    const visible = causal ? i + 1 : n;
    const scores = [];
    for (let j = 0; j < visible; j += 1) {
      let dot = 0;
      for (let c = 0; c < dim; c += 1) dot += query[i * dim + c] * key[j * dim + c];
      scores.push(dot / Math.sqrt(dim) - (kind === 'alibi' ? options.slope * Math.abs(i - j) : 0));
    }
    const top = Math.max(...scores);
    const exps = scores.map((score) => Math.exp(score - top));
    const total = exps.reduce((sum, x) => sum + x, 0);
    exps.forEach((x, j) => {
      attention[i * n + j] = x / total;
    });
    for (let c = 0; c < dim; c += 1) {
      let sum = 0;
      for (let j = 0; j < visible; j += 1) sum += attention[i * n + j] * value[j * dim + c];
      context[i * dim + c] = sum;
    }
    if (causal) {
      let spread = 0;
      for (let j = 0; j < visible; j += 1) spread += attention[i * n + j] * valueLength(j);
      outputRounding[i] = (Math.min(visible, CHUNK) + Math.ceil(visible / CHUNK) + 4) * UNIT * spread;
    }
  }
  return { positions: table, input, query, key, weights: attention, context, outputRounding };
}

// Rows a and b of a table of rows of width w, compared with the documented rule: exactly when
// allowance is 0, else within the allowance. ambiguous: float32 rounding could decide the verdict.
function compareRows(table, w, a, b, allowance = 0) {
  let squared = 0;
  let dot = 0;
  let lengthA = 0;
  let lengthB = 0;
  for (let i = 0; i < w; i += 1) {
    const x = table[a * w + i];
    const y = table[b * w + i];
    squared += (x - y) ** 2;
    dot += x * y;
    lengthA += x * x;
    lengthB += y * y;
  }
  const distance = Math.sqrt(squared);
  const length = Math.max(Math.sqrt(lengthA), Math.sqrt(lengthB));
  const relative = length === 0 ? 0 : distance / length;
  const exact = allowance === 0;
  // Outputs under the mask: how far the distance is from the bound, as a ratio (1 on it).
  const ratio = exact ? 0 : distance / allowance;
  return {
    distance,
    length,
    relative,
    allowance,
    ratio,
    cosine: lengthA * lengthB > 0 ? dot / Math.sqrt(lengthA * lengthB) : 0,
    exact,
    identical: exact ? distance === 0 : distance <= allowance,
    ambiguous: !exact && ratio >= 1 / AMBIGUOUS_FACTOR && ratio <= AMBIGUOUS_FACTOR,
  };
}

// What the test saw across the matrix: ambiguous distances by setting, and the extremes (relative
// distances of rows compared exactly, distances over the allowance of the others).
const seen = {
  ambiguous: new Map(),
  closeCalls: new Map(),
  settings: 0,
  complete: false,
  exact: { largestIdentical: { value: 0 }, smallestDifferent: { value: Infinity } },
  bounded: { largestIdentical: { value: 0 }, smallestDifferent: { value: Infinity } },
};

// A setting as the messages name it: options only where they differ from the defaults.
function describe({ required, ...setting }) {
  const options = Object.fromEntries(Object.entries(setting.options).filter(([name, value]) => value !== DEFAULT_OPTIONS[name]));
  return JSON.stringify({ ...setting, options });
}

// rows: the rows compared; setting: the setting alone, for the summary; required: part of the
// issue's matrix (else a stress setting, whose close calls are reported, not failed).
function record({ ambiguous, identical, exact, relative, ratio }, setting, rows, required) {
  const where = `${setting} ${rows}`;
  if (ambiguous) {
    const list = required ? seen.ambiguous : seen.closeCalls;
    const entry = list.get(setting) ?? new Map();
    entry.set(rows, `${ratio.toFixed(3)} x the bound`);
    list.set(setting, entry);
  }
  const extremes = exact ? seen.exact : seen.bounded;
  const value = exact ? relative : ratio;
  if (identical && value > extremes.largestIdentical.value) extremes.largestIdentical = { value, where };
  if (!identical && value < extremes.smallestDifferent.value) extremes.smallestDifferent = { value, where };
}

function recompute(setting) {
  const { text, kind, dim, start, causal, shift, options } = setting;
  // The comparisons of copies do not depend on the mask shown or the shift; the shift's do.
  const where = (masked) => describe({ ...setting, causal: masked, shift: undefined });
  const tokenized = pe.analyze(text, { kind: 'none', dim, start });
  const n = tokenized.tokens.length;
  const head = { embedding: Float64Array.from(tokenized.tokenEmbedding), weights: pe.attentionWeights({ dim }), n, dim };
  const runsOf = (masked) => ({
    withoutPE: referenceHead(head, 'none', start, masked, options),
    withPE: referenceHead(head, kind, start, masked, options),
  });
  const byMask = { false: runsOf(false), true: runsOf(true) };
  const { duplicates, tokens } = tokenized;
  // Every pair among each word's first copies, as the core compares them.
  const pairsOf = (masked) =>
    duplicates.flatMap((group, g) => {
      const copies = group.slice(0, MAX_COMPARED_COPIES);
      return copies.flatMap((a, i) =>
        copies.slice(i + 1).map((b) => {
          const pair = { group: g, a, b };
          for (const stage of STAGE_NAMES) {
            pair[stage] = {};
            for (const run of RUNS) {
              const rounding = byMask[masked][run].outputRounding;
              const allowance = stage === 'context' && masked ? rounding[a] + rounding[b] : 0;
              const comparison = compareRows(byMask[masked][run][stage], stage === 'weights' ? n : dim, a, b, allowance);
              record(comparison, where(masked), `copies ${a} and ${b}, ${stage} ${run}`, setting.required);
              pair[stage][run] = comparison;
            }
          }
          return pair;
        }),
      );
    });
  const pairsByMask = { false: pairsOf(false), true: pairsOf(true) };

  // Moving the whole sentence by `shift`: the run with positions, before and after.
  const before = byMask[causal].withPE;
  const after = referenceHead(head, kind, start + shift, causal, options);
  const change = (stage) => {
    let largest = 0;
    for (let e = 0; e < before[stage].length; e += 1) largest = Math.max(largest, Math.abs(before[stage][e] - after[stage][e]));
    return largest;
  };
  const weightChange = change('weights');
  // The core calls the weights unchanged when none moves by more than 2^-17.
  if (weightChange >= WEIGHT_CHANGE / AMBIGUOUS_FACTOR && weightChange <= WEIGHT_CHANGE * AMBIGUOUS_FACTOR) {
    (setting.required ? seen.ambiguous : seen.closeCalls).set(
      `${where(causal)} moved by ${shift}`,
      new Map([['weights', `largest change ${weightChange.toExponential(2)}`]]),
    );
  }
  return {
    tokens,
    duplicates,
    n,
    byMask,
    pairsByMask,
    pairs: pairsByMask[causal],
    run: byMask[causal],
    shift: {
      weights: { largest: weightChange, unchanged: weightChange <= WEIGHT_CHANGE },
      context: { largest: change('context') },
      // Every row of weights all on one token, as float32 holds them: no larger position moves it.
      saturated: Array.from({ length: n }, (_, row) => Math.max(...before.weights.slice(row * n, (row + 1) * n))).every(
        (largest) => Math.fround(largest) === 1,
      ),
    },
  };
}

// ---- Reading what is shown --------------------------------------------------------------------

const quote = (word) => `“\u2068${word}\u2069”`;
const whole = (value) => value.toLocaleString('en-US');
const listOf = (items) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
const escape = (value) => String(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const runNameOf = (scheme) => (scheme.actsOn === 'none' ? 'with no positions' : `with ${scheme.label}`);
const number = (text) => Number(text.replaceAll(',', '').replace('−', '-'));
// "⁻¹³" -> -13.
const fromSuperscript = (text) => Number([...text].map((c) => (c === '⁻' ? '-' : '⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c))).join(''));

// A number written to 3 significant digits (trailing zeros dropped) is within half a unit of its
// last digit of value, give or take slack (float32 against float64).
function assertShort(text, value, slack, what) {
  const half = value === 0 ? 0 : 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(value))) - 2);
  assert.ok(Math.abs(number(text) - value) <= half * (1 + 1e-9) + slack, `${what}: shown ${text}, recomputed ${value}`);
}

// A cosine as written (3 decimals, or more near 1) is within half a unit of its last decimal.
function assertCosine(text, value, what) {
  const decimals = (text.split('.')[1] ?? '').length;
  assert.ok(Math.abs(number(text) - value) <= 0.5 * 10 ** -decimals + 1e-6, `${what}: shown cos ${text}, recomputed ${value}`);
}

// How often each form was met across the matrix, by sentence and form number.
const formsMet = new Map();

/** text (the sentence named `sentence`) must match exactly one of forms ([anchored regex,
 *  check(match)]); runs its check and counts the form as met. */
function readForm(text, forms, what, sentence) {
  for (const [f, [pattern]] of forms.entries()) {
    const key = `${sentence} form ${f + 1}`;
    if (!formsMet.has(key)) formsMet.set(key, { pattern: pattern.source.slice(0, 90), count: 0 });
  }
  assert.equal(typeof text, 'string', `${what}: not shown`);
  const matching = forms.filter(([pattern]) => pattern.test(text));
  assert.equal(matching.length, 1, `${what}: ${matching.length === 0 ? 'no known form' : 'more than one form'} for “${text}”`);
  const [[pattern, check]] = matching;
  formsMet.get(`${sentence} form ${forms.findIndex((form) => form === matching[0]) + 1}`).count += 1;
  check(text.match(pattern));
}

// ---- The claims, checked against the reference -------------------------------------------------

// How a set of pairs agrees at one of the strip's stages in one run, from the reference verdicts.
const STRIP = [
  { key: 'input', name: 'input', measures: ['input'], where: 'in their inputs' },
  { key: 'queryKey', name: 'queries and keys', measures: ['query', 'key'], where: 'in their queries and keys' },
  { key: 'weights', name: 'weights', measures: ['weights'], where: 'in their attention weights' },
  { key: 'output', name: 'output', measures: ['context'], where: 'only in their attention outputs' },
];
function agreementOf(pairs, stage, run) {
  const differing = pairs.filter((pair) => stage.measures.some((measure) => !pair[measure][run].identical)).length;
  if (differing === 0) return 'same';
  return differing === pairs.length ? 'differ' : 'mixed';
}
const firstDifferingOf = (pairs, run) => STRIP.find((stage) => agreementOf(pairs, stage, run) !== 'same') ?? null;
const MARKS = { same: '=\u00a0same', differ: '≠\u00a0differs', mixed: '≠\u00a0some differ' };

function checkGroup(shown, group, g, facts, setting, scheme, label) {
  const { tokens } = facts;
  const runName = runNameOf(scheme);
  const copies = group.slice(0, COPIES_SHOWN);
  const pairs = facts.pairs.filter((pair) => pair.group === g && copies.includes(pair.b));
  const word = tokens[group[0]].text;
  const what = `${label} group ${g} (${word})`;

  // The title: where the copies first come apart with positions, and their outputs.
  const prefix = `${escape(quote(word))} at positions ${escape(listOf(copies.map((r) => whole(tokens[r].position))))}: `;
  const first = firstDifferingOf(pairs, 'withPE');
  const outputs = agreementOf(pairs, STRIP[3], 'withPE');
  readForm(
    shown.title,
    [
      [
        new RegExp(`^${prefix}identical at every stage ${escape(runName)}: nothing here tells the copies apart$`),
        () => {
          assert.equal(first, null, `${what}: the copies differ ${first?.where} ${runName}`);
          assert.equal(firstDifferingOf(pairs, 'withoutPE'), null, `${what}: the copies differ without positions`);
          // Identical, unqualified, is a claim of exact arithmetic: only without a scheme.
          assert.equal(scheme.actsOn, 'none', `${what}: a scheme acts, so equal is float32's verdict`);
          for (const pair of pairs)
            for (const stage of STAGE_NAMES) assert.equal(pair[stage].withPE.distance, 0, `${what}: ${stage} apart in float64`);
        },
      ],
      [
        new RegExp(
          `^${prefix}equal in float32 at every stage ${escape(runName)}: nothing here tells the copies apart at float32 precision \\(a smaller difference would not show\\)$`,
        ),
        () => {
          assert.equal(first, null, `${what}: the copies differ ${first?.where} ${runName}`);
          assert.notEqual(scheme.actsOn, 'none', `${what}: without a scheme the copies are identical exactly`);
        },
      ],
      [
        new RegExp(
          `^${prefix}${escape(runName)}, (some copies|the copies) first differ (${STRIP.map((s) => escape(s.where)).join('|')})` +
            '(, yet their attention outputs are equal in float32|, and (?:some of )?their attention outputs differ)?$',
        ),
        ([, some, where, tail]) => {
          assert.ok(first, `${what}: identical at every stage ${runName}`);
          assert.equal(where, first.where, `${what}: the first stage that differs`);
          assert.equal(some === 'some copies', agreementOf(pairs, first, 'withPE') === 'mixed', `${what}: "${some}"`);
          if (first.key === 'output') assert.equal(tail, undefined, what);
          else if (outputs === 'same')
            assert.equal(tail, ', yet their attention outputs are equal in float32', `${what}: outputs ${outputs}`);
          else
            assert.equal(
              tail,
              `, and ${outputs === 'mixed' ? 'some of ' : ''}their attention outputs differ`,
              `${what}: outputs ${outputs}`,
            );
        },
      ],
    ],
    `${what} title`,
    'group title',
  );
  if (group.length > COPIES_SHOWN)
    assert.equal(shown.note, `The word appears ${group.length} times; the first ${COPIES_SHOWN} copies are shown.`, what);
  else assert.equal(shown.note, null, `${what}: note`);

  // The stage strip: one mark per stage and run, the first differing stage outlined.
  const strip = shown.strip;
  assert.equal(
    strip.caption,
    'Where the copies come apart, stage by stage through the attention head ' +
      '(weights: how each copy spreads its attention; output: what the head passes on)',
    what,
  );
  assert.deepEqual(
    strip.heads,
    STRIP.map(({ name }) => name),
    what,
  );
  assert.deepEqual(
    strip.rows.map((row) => row.label),
    ['without positions', runName],
    what,
  );
  RUNS.forEach((run, r) => {
    const firstOfRun = firstDifferingOf(pairs, run);
    STRIP.forEach((stage, s) => {
      const state = agreementOf(pairs, stage, run);
      const cell = strip.rows[r].cells[s];
      assert.equal(cell.text, MARKS[state], `${what}: strip ${run} ${stage.name}`);
      assert.ok(cell.classes.includes(`is-${state}`), `${what}: strip ${run} ${stage.name} class ${cell.classes}`);
      assert.equal(cell.classes.includes('is-first'), run === 'withPE' && stage === firstOfRun, `${what}: outline of ${run} ${stage.name}`);
    });
  });

  // The heat strips' blocks: titles, and colour scales to 4 standard deviations of the embedding
  // (0.02) for embeddings and queries, to the largest |value| of the scheme's table for positions,
  // and to their sum for the input.
  const added =
    scheme.actsOn === 'input'
      ? `+ ${scheme.label} positional encoding${scheme.name === 'binary' ? ' (bit 0, the least significant, on the left: the reverse of how a binary number is written)' : ''}`
      : `+ no positional vector: ${{ none: 'nothing is added', queryKey: 'it rotates the queries and keys instead', scores: 'it biases the attention scores instead' }[scheme.actsOn]}`;
  const tokenLimit = 4 * 0.02;
  const positionLimit = facts.run.withPE.positions.reduce((largest, x) => Math.max(largest, Math.abs(x)), 0);
  const blocks = [
    ['Token embedding', tokenLimit],
    [added, positionLimit],
    ['= input to attention', tokenLimit + positionLimit],
  ];
  if (scheme.actsOn === 'queryKey')
    blocks.push(
      ['Query x W_q, before the rotation', tokenLimit],
      [`Query turned by ${scheme.label}: each pair by its position × θ`, tokenLimit],
    );
  assert.equal(shown.blocks.length, blocks.length, `${what}: blocks`);
  shown.blocks.forEach(({ title, ticks }, b) => {
    const [expected, limit] = blocks[b];
    const zeros = title.endsWith(' (all zeros)');
    assert.equal(zeros ? title.slice(0, -' (all zeros)'.length) : title, expected, `${what}: block ${b}`);
    if (zeros) {
      assert.equal(b, 1, `${what}: "(all zeros)" on block ${title}`);
      for (const r of copies)
        for (let i = 0; i < setting.dim; i += 1) assert.equal(facts.run.withPE.positions[r * setting.dim + i], 0, `${what}: ${title}`);
      assert.deepEqual(ticks, [], `${what}: a scale for a block of zeros`);
    } else {
      const scale = ticks.length === 3 && ticks[1] === '0' && ticks[0].startsWith('−') && ticks[2] === `+${ticks[0].slice(1)}`;
      assert.ok(scale, `${what}: scale ${ticks} of ${title}`);
      assertShort(ticks[2].slice(1), limit, 1e-6 * limit, `${what}: scale of ${title}`);
    }
  });
  if (scheme.actsOn !== 'input') assert.ok(shown.blocks[1].title.endsWith(' (all zeros)'), `${what}: ${shown.blocks[1].title}`);
  assert.equal(shown.readout, 'Point at a cell, or Tab to a strip and use the arrow keys, to read its exact value.', what);

  // The distance table: per pair, one verdict, distance and cosine per stage and run.
  const table = shown.table;
  assert.equal(
    table.caption,
    'How far apart the copies are at each stage. L2: the distance between their rows; ' +
      'cos: their cosine similarity (1 means the same direction). Equal in float32: equal as computed, or for outputs ' +
      'under the causal mask, which sum prefixes of different lengths, no further apart than float32 rounding can put ' +
      'equal rows. A difference below float32’s resolution of these values does not show, so equal here need not ' +
      'mean equal in exact arithmetic.',
    what,
  );
  assert.deepEqual(table.heads, ['without positions', 'with positions'], what);
  const titled = pairs.length > 1;
  const rowsPerPair = titled ? 6 : 5;
  assert.equal(table.rows.length, pairs.length * rowsPerPair, `${what}: table rows`);
  const snapshotPairs = shown.snapshotPairs;
  pairs.forEach((pair, p) => {
    const rows = table.rows.slice(p * rowsPerPair, (p + 1) * rowsPerPair);
    if (titled) assert.equal(rows.shift().title, `positions ${whole(tokens[pair.a].position)} and ${whole(tokens[pair.b].position)}`, what);
    const core = snapshotPairs.find(({ a, b }) => a === pair.a && b === pair.b);
    const names = ['Input vectors', 'Queries', 'Keys', 'Attention weights (each copy’s row)', 'Attention outputs'];
    STAGE_NAMES.forEach((stage, s) => {
      assert.equal(rows[s].name, names[s], what);
      RUNS.forEach((run, c) => {
        const where = `${what} copies ${pair.a}/${pair.b} ${stage} ${run}`;
        const reference = pair[stage][run];
        const cell = rows[s].cells[c];
        const coreDistance = core[`${stage}Distance`][run];
        readForm(
          cell.verdict,
          [
            [/^≠ different$/, () => assert.equal(reference.identical, false, `${where}: relative ${reference.relative}`)],
            [
              /^= equal in float32$/,
              () => {
                assert.equal(reference.identical, true, `${where}: relative ${reference.relative}`);
                assert.equal(coreDistance, 0, where);
              },
            ],
            [
              /^= equal up to float32 rounding$/,
              () => {
                assert.equal(reference.identical, true, `${where}: relative ${reference.relative}`);
                assert.ok(coreDistance > 0, where);
                assert.ok(reference.allowance > 0, `${where}: only outputs under the mask get an allowance`);
              },
            ],
          ],
          where,
          'distance verdict',
        );
        assert.ok(cell.classes.includes(reference.identical ? 'is-identical' : 'is-different'), `${where}: class ${cell.classes}`);
        const [l2, cos] = cell.metrics;
        const distance = l2.match(/^L2 = ([\d,.]+)$/);
        assert.ok(distance, `${where}: “${l2}”`);
        assertShort(distance[1], reference.distance, 1e-6 * reference.length, where);
        // Rows that differ: a cosine never written as if it were exactly 1 (issue 23, finding 13).
        const near = cos.match(/^cos = (−?1) (?:([−+]) ([\d.]+) × 10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)|\(to 16 digits\))$/);
        if (near) {
          assert.equal(reference.identical, false, `${where}: “${cos}” for rows called equal`);
          const gap = near[2] ? Number(near[3]) * 10 ** fromSuperscript(near[4]) : 0;
          assert.ok(Math.abs(Math.abs(reference.cosine) - (1 - gap)) <= 1e-6, `${where}: shown ${cos}, recomputed ${reference.cosine}`);
        } else {
          const cosine = cos.match(/^cos = (−?[\d.]+)$/);
          assert.ok(cosine, `${where}: “${cos}”`);
          assertCosine(cosine[1], reference.cosine, where);
          if (!reference.identical) assert.notEqual(Math.abs(number(cosine[1])), 1, `${where}: rows that differ, shown cos ${cosine[1]}`);
        }
      });
    });
  });
}

function checkDivergence(shown, facts, setting, scheme, label) {
  const { duplicates, n } = facts;
  const groups = duplicates.slice(0, GROUPS_SHOWN);
  const pairs = facts.pairs.filter((pair) => pair.group < groups.length);
  const what = `${label} divergence`;

  // The causal note.
  const intro =
    'Causal mask on: each token attends only to itself and the tokens before it, so the copies of a word see different stretches of the sentence.';
  const apart = pairs.filter((pair) => !pair.context.withoutPE.identical).length;
  const weightsApart = pairs.filter((pair) => !pair.weights.withoutPE.identical).length;
  readForm(
    shown.causal,
    [
      [
        /^No mask: every token attends to every token, so without positions attention treats its input as an unordered set and the copies of a word get identical outputs wherever they stand\.$/,
        () => {
          assert.equal(setting.causal, false, what);
          assert.equal(apart, 0, `${what}: copies with different outputs without positions and without a mask`);
        },
      ],
      [
        new RegExp(`^${escape(intro)}$`),
        () => {
          assert.equal(setting.causal, true, what);
          assert.equal(pairs.length, 0, what);
        },
      ],
      [
        new RegExp(
          `^${escape(intro)} Even without positions, every pair of copies here gets different outputs: the mask alone leaks word order\\.$`,
        ),
        () => {
          assert.equal(setting.causal, true, what);
          assert.ok(pairs.length > 0 && apart === pairs.length, `${what}: ${apart} of ${pairs.length}`);
        },
      ],
      [
        new RegExp(
          `^${escape(intro)} Even without positions, ([\\d,]+) of the ([\\d,]+) pairs of copies here get different outputs: the mask alone leaks word order to them\\.$`,
        ),
        ([, k, total]) => {
          assert.equal(setting.causal, true, what);
          assert.deepEqual([number(k), number(total)], [apart, pairs.length], what);
          assert.ok(apart > 0 && apart < pairs.length, what);
        },
      ],
      [
        new RegExp(
          `^${escape(intro)} Without positions their attention weights differ, yet here their outputs come out equal in float32: each copy’s stretch mixes the same values in the same proportions\\.$`,
        ),
        () => {
          assert.equal(setting.causal, true, what);
          assert.ok(pairs.length > 0 && apart === 0 && weightsApart > 0, `${what}: ${apart} apart, ${weightsApart} weights apart`);
        },
      ],
      [
        new RegExp(`^${escape(intro)} Without positions the copies here still get outputs equal in float32\\.$`),
        () => {
          assert.equal(setting.causal, true, what);
          assert.ok(pairs.length > 0 && apart === 0 && weightsApart === 0, what);
        },
      ],
    ],
    `${what} causal note`,
    'causal note',
  );

  // The saturation note: shown exactly when some copies' inputs differ but their outputs do not.
  const matched = pairs.filter((pair) => !pair.input.withPE.identical && pair.context.withPE.identical);
  if (matched.length === 0) {
    assert.equal(shown.saturation, null, `${what}: saturation note “${shown.saturation}”`);
  } else {
    let largest = 0;
    let gap = 0;
    const weights = facts.run.withPE.weights;
    for (const { a, b } of matched) {
      for (let j = 0; j < n; j += 1) {
        largest = Math.max(largest, weights[a * n + j], weights[b * n + j]);
        gap = Math.max(gap, Math.abs(weights[a * n + j] - weights[b * n + j]));
      }
    }
    const check = (weight, integer) => {
      assertShort(weight, largest, 1e-6, `${what}: largest weight`);
      assert.equal(Boolean(integer), scheme.name === 'integer', what);
    };
    readForm(
      shown.saturation,
      [
        [
          /^Why are some attention outputs equal in float32 although the inputs differ\? Those copies spread their attention over the tokens in the same way \(rows of attention weights equal in float32\), so they mix the same values\. The largest weight in their rows is ([\d.,]+)\.( Integer positions make the attention scores grow with the square of the positions\.)?$/,
          ([, weight, integer]) => {
            check(weight, integer);
            for (const pair of matched)
              assert.ok(pair.weights.withPE.identical, `${what}: copies ${pair.a}/${pair.b} have different weights`);
          },
        ],
        [
          /^Why are some attention outputs equal in float32 although the inputs differ\? Those copies' rows of attention weights differ by at most (\S+), too little to move any output at float32 precision\. The largest weight in their rows is ([\d.,]+)\.( Integer positions make the attention scores grow with the square of the positions\.)?$/,
          ([, shownGap, weight, integer]) => {
            check(weight, integer);
            assert.ok(
              matched.some((pair) => !pair.weights.withPE.identical),
              what,
            );
            // float32 weights against float64 ones: the gap may be float32's rounding of tiny weights.
            assert.ok(number(shownGap) <= gap * 1.01 + 1e-7, `${what}: gap shown ${shownGap}, recomputed ${gap}`);
          },
        ],
      ],
      `${what} saturation note`,
      'saturation note',
    );
  }

  // No repeated word; more repeated words than colours.
  assert.equal(
    shown.empty,
    duplicates.length === 0 ? 'No word appears twice in this text, so there is nothing to compare. Try one of the examples.' : null,
    what,
  );
  const hidden = duplicates.length - groups.length;
  assert.equal(
    shown.overflow,
    hidden > 0
      ? `${whole(hidden)} more repeated ${hidden === 1 ? 'word is' : 'words are'} not drawn (one colour per word, ${GROUPS_SHOWN} colours).`
      : null,
    what,
  );

  assert.equal(shown.groups.length, groups.length, `${what}: comparisons`);
  groups.forEach((group, g) => checkGroup(shown.groups[g], group, g, facts, setting, scheme, label));
}

function checkAttentionWeights(shown, facts, scheme, label) {
  const runName = runNameOf(scheme);
  const what = `${label} attention weights`;
  const [group] = facts.duplicates;
  const stateOf = (run) => {
    const pairs = facts.pairs.filter((pair) => pair.group === 0);
    const differing = pairs.filter((pair) => !pair.weights[run].identical).length;
    if (differing === 0) return 'equal in float32';
    return differing === pairs.length ? 'different' : 'partly different';
  };
  readForm(
    shown.title,
    [
      [/^Attention weights: row i shows how token i spreads its attention over the tokens$/, () => assert.equal(group, undefined, what)],
      [
        new RegExp(
          `^Attention weights: the rows of (“\u2068[^\u2069]*\u2069”) are (equal in float32|different|partly different) without positions and (equal in float32|different|partly different) ${escape(runName)}$`,
        ),
        ([, word, without, withPE]) => {
          assert.equal(word, quote(facts.tokens[group[0]].text), what);
          assert.deepEqual([without, withPE], [stateOf('withoutPE'), stateOf('withPE')], what);
        },
      ],
    ],
    `${what} title`,
    'attention-weights title',
  );
  const capital = runName[0].toUpperCase() + runName.slice(1);
  assert.deepEqual(shown.headings, ['Without positions', capital, `Change made by the positions (${runName} minus without)`], what);
  // The colour scales: weights from 0 to 1, changes to the largest |with - without|.
  let largestChange = 0;
  facts.run.withPE.weights.forEach((x, e) => {
    largestChange = Math.max(largestChange, Math.abs(x - facts.run.withoutPE.weights[e]));
  });
  assert.deepEqual(
    shown.legends.map(({ label: name }) => name),
    ['attention weight', 'change'],
    what,
  );
  assert.deepEqual(shown.legends[0].ticks, ['0', '1'], what);
  const [low, zero, high] = shown.legends[1].ticks;
  assert.ok(zero === '0' && low === `−${high.slice(1)}` && high.startsWith('+'), `${what}: change scale ${shown.legends[1].ticks}`);
  assertShort(high.slice(1), largestChange, 1e-6, `${what}: change scale`);
  assert.equal(
    shown.readout,
    'Point at a cell, or Tab to a matrix and use the arrow keys, to read how much one token attends to another.',
    what,
  );
  assert.equal(shown.note, 'Each row sums to 1. Rows are the attending tokens (queries), columns the tokens they attend to (keys).', what);
  for (const run of RUNS) {
    for (let i = 0; i < facts.n; i += 1) {
      const sum = facts.run[run].weights.subarray(i * facts.n, (i + 1) * facts.n).reduce((total, x) => total + x, 0);
      assert.ok(Math.abs(sum - 1) < 1e-12, `${what}: row ${i} sums to ${sum}`);
    }
  }
}

function checkMaskTable(shown, facts, setting, scheme, label) {
  const runName = runNameOf(scheme);
  const what = `${label} mask table`;
  // Every pair of every repeated word, whether drawn or not.
  const cells = [false, true].map((masked) =>
    RUNS.map((run) => {
      const pairs = facts.pairsByMask[masked];
      return { apart: pairs.filter((pair) => !pair.context[run].identical).length, total: pairs.length };
    }),
  );
  assert.deepEqual(shown.heads, ['without positions', runName], what);
  assert.deepEqual(
    shown.rows.map((row) => row.label),
    ['no mask', 'causal mask'],
    what,
  );
  shown.rows.forEach((row, m) => {
    assert.equal(row.current, m === Number(setting.causal), `${what}: outlined row`);
    row.cells.forEach((cell, r) => {
      const { apart, total } = cells[m][r];
      const where = `${what} ${['no mask', 'causal mask'][m]} ${RUNS[r]}`;
      readForm(
        cell.text,
        [
          [/^—$/, () => assert.equal(total, 0, `${where}: ${total} pairs`)],
          [/^= equal in float32$/, () => assert.ok(total > 0 && apart === 0, `${where}: ${apart} of ${total} apart`)],
          [/^≠ apart$/, () => assert.ok(apart > 0 && apart === total, `${where}: ${apart} of ${total} apart`)],
          [
            /^≠ ([\d,]+) of ([\d,]+) pairs apart$/,
            ([, k, of]) => {
              assert.deepEqual([number(k), number(of)], [apart, total], where);
              assert.ok(apart > 0 && apart < total, where);
            },
          ],
        ],
        where,
        'mask cell',
      );
      if (total > 0) assert.ok(cell.classes.includes(apart === 0 ? 'is-identical' : 'is-apart'), `${where}: class ${cell.classes}`);
    });
  });
  const total = cells[0][0].total;
  // The settings of mask and positions, and which tell every pair (or only some) apart.
  const named =
    scheme.actsOn === 'none'
      ? [['the causal mask', cells[1][0]]]
      : [
          [`${scheme.label} alone`, cells[0][1]],
          ['the causal mask alone', cells[1][0]],
          ['both together', cells[1][1]],
        ];
  const nameList = `((?:${named.map(([name]) => escape(name)).join('|')})(?:(?:, | and )(?:${named.map(([name]) => escape(name)).join('|')}))*)`;
  const checkList = (text, expected, kind) => {
    const names = named.map(([name]) => name);
    const expectedNames = names.filter((name) => expected.includes(name));
    assert.equal(text, listOf(expectedNames), `${what}: ${kind}`);
  };
  const allApart = named.filter(([, state]) => state.apart === state.total).map(([name]) => name);
  const someApart = named.filter(([, state]) => state.apart > 0 && state.apart < state.total).map(([name]) => name);
  // Settings whose copies come out equal are named as equal in float32, never left to read as
  // settings that cannot tell copies apart (issue 23, findings 3 and 4).
  const equal = named.filter(([, state]) => state.apart === 0).map(([name]) => name);
  const equalTail = `(?:; with ${nameList}, equal in float32 \\(a smaller difference would not show\\))?`;
  readForm(
    shown.title,
    [
      [/^Mask and positions: no word repeats here, so there are no copies to tell apart$/, () => assert.equal(total, 0, what)],
      [
        new RegExp(`^What tells the copies apart in the attention outputs: ${nameList}(?:; ${nameList}: only some pairs)?${equalTail}$`),
        ([, apartList, partlyList, equalList]) => {
          assert.ok(total > 0, what);
          checkList(apartList, allApart, 'tells every pair apart');
          checkList(partlyList ?? '', someApart, 'tells only some pairs apart');
          checkList(equalList ?? '', equal, 'equal in float32');
        },
      ],
      [
        new RegExp(
          `^Nothing here tells every pair of copies apart in the attention outputs(?:; ${nameList}: only some pairs)?${equalTail}$`,
        ),
        ([, partlyList, equalList]) => {
          assert.ok(total > 0, what);
          assert.deepEqual(allApart, [], what);
          checkList(partlyList ?? '', someApart, 'tells only some pairs apart');
          checkList(equalList ?? '', equal, 'equal in float32');
        },
      ],
    ],
    `${what} title`,
    'mask-table title',
  );
  const note =
    'The row of the mask setting shown above is outlined. Equal in float32: equal as computed, or under the causal mask ' +
    'no further apart than float32 rounding can put equal rows; it need not mean equal in exact arithmetic.';
  // With no repeated word the note keeps whatever the last sentence with one set (or none).
  if (total > 0 || shown.note !== null) assert.equal(shown.note, note, what);
}

function checkShift(shown, facts, setting, scheme, state, label) {
  const runName = runNameOf(scheme);
  const what = `${label} shift`;
  assert.equal(shown.title, 'Move the whole sentence: do the attention weights notice?', what);
  assert.equal(shown.control, 'Add this to every position', what);
  assert.equal(
    shown.note,
    'RoPE and ALiBi depend only on how far apart two tokens are; integer, binary, sinusoidal and learned positions are absolute.',
    what,
  );
  const { weights, context } = facts.shift;
  assert.deepEqual(state.shift && [state.shift.by, state.shift.weightsUnchanged], [setting.shift, weights.unchanged], `${what}: snapshot`);
  const by = `Moved by ${escape(whole(setting.shift))} position${setting.shift === 1 ? '' : 's'}, `;
  const none = () => {
    assert.equal(state.shift.maxWeightChange, 0, what);
    assert.ok(weights.unchanged && weights.largest <= 1e-9, `${what}: the weights change by up to ${weights.largest}`);
  };
  // An absolute scheme whose weights do not move says why, so no one reads it as relative.
  const absolute = `^${by}not one attention weight ${escape(runName)} changes, although its positions are absolute: `;
  readForm(
    shown.result,
    [
      [/^Moved by 0 positions, nothing moves: type a distance above 0 to compare\.$/, () => assert.equal(setting.shift, 0, what)],
      [
        new RegExp(`^${by}not one attention weight ${escape(runName)} changes\\.$`),
        () => {
          assert.notEqual(setting.shift, 0, what);
          assert.notEqual(scheme.actsOn, 'input', `${what}: an absolute scheme says why nothing changes`);
          none();
        },
      ],
      [
        new RegExp(`${absolute}binary codes repeat every ([\\d,]+) positions, so every token keeps its code\\.$`),
        ([, period]) => {
          assert.equal(setting.kind, 'binary', what);
          assert.equal(number(period), 2 ** setting.dim, what);
          assert.equal(setting.shift % 2 ** setting.dim, 0, what);
          none();
        },
      ],
      [
        new RegExp(`${absolute}every row already puts all its weight on one token \\(a weight of 1 in float32\\)\\.$`),
        () => {
          assert.ok(facts.shift.saturated, `${what}: a row that is not all on one token`);
          none();
        },
      ],
      [
        new RegExp(`${absolute}the change falls below float32’s resolution of these weights\\.$`),
        () => {
          assert.ok(!facts.shift.saturated, `${what}: saturated rows are the reason to name`);
          none();
        },
      ],
      [
        new RegExp(
          `^${by}every attention weight ${escape(runName)} stays as it was: the largest change is ([\\d.,]+), float32 rounding\\.$`,
        ),
        ([, largest]) => {
          assert.ok(weights.unchanged && weights.largest <= 1e-9, `${what}: the weights change by up to ${weights.largest}`);
          assertShort(largest, state.shift.maxWeightChange, 0, what);
        },
      ],
      [
        new RegExp(`^${by}the attention weights ${escape(runName)} change, by up to ([\\d.,]+) \\(the outputs by up to ([\\d.,]+)\\)\\.$`),
        ([, largest, outputs]) => {
          assert.equal(weights.unchanged, false, `${what}: every weight row is unchanged`);
          assertShort(largest, weights.largest, 1e-6, `${what}: weights`);
          assertShort(outputs, context.largest, 1e-6 * Math.max(1, context.largest), `${what}: outputs`);
        },
      ],
    ],
    what,
    'shift sentence',
  );
}

function checkTokens(shown, facts, setting, label) {
  const what = `${label} tokens`;
  assert.equal(shown.title, 'Tokens and their positions: copies of a repeated word share a colour', what);
  assert.deepEqual(
    shown.chips,
    facts.tokens.map((token, r) => [token.text, whole(setting.start + r)]),
    what,
  );
  assert.deepEqual(
    shown.legend,
    facts.duplicates.slice(0, GROUPS_SHOWN).map((group) => `${quote(facts.tokens[group[0]].text)} ×${group.length}`),
    what,
  );
  const note = shown.note.match(
    /^Token embeddings here are synthetic toy vectors, not a trained model's: each component is random with standard deviation 0\.02, [^.]+\. The words of each of these groups are placed close together: (.+)\. Any two different words of one group count as a related pair\.$/,
  );
  assert.ok(note, `${what}: note “${shown.note}”`);
  assert.equal(note[1], pe.vocabularyClusters.map(({ cluster, words }) => `${cluster}: ${words.join(', ')}`).join('; '), what);
}

// ---- Driving the view -------------------------------------------------------------------------

async function controlsOf(page) {
  const root = page.locator('[data-view-slot="sentence"]');
  return {
    text: await page.getByTestId('sentence').elementHandle(),
    kind: await page.getByRole('combobox', { name: /^Position scheme/ }).elementHandle(),
    options: await root.locator('[data-option]').elementHandles(),
    dim: await page.getByLabel(/^Dimensions/).elementHandle(),
    start: await page.getByLabel('First position').elementHandle(),
    causal: await page.getByLabel(/^Causal mask/).elementHandle(),
    shift: await page.getByLabel('Add this to every position').elementHandle(),
  };
}

// Sets every control, fires one 'input' (the view redraws synchronously) and reads the snapshot
// and every visible text of the view's results; `unread` lists visible texts no reader took.
function show(page, controls, setting) {
  return page.evaluate(
    async ({ c, s }) => {
      c.text.value = s.text;
      c.kind.value = s.kind;
      for (const input of c.options) input.value = String(s.options[input.dataset.option]);
      c.dim.value = String(s.dim);
      c.start.value = String(s.start);
      c.causal.checked = s.causal;
      c.shift.value = String(s.shift);
      c.text.dispatchEvent(new Event('input', { bubbles: true }));

      const root = document.querySelector('[data-view-slot="sentence"]');
      const results = root.querySelector('.view-results');
      const taken = new Set();
      const visible = (node) => Boolean(node) && node.checkVisibility();
      const text = (node) => {
        if (!visible(node)) return null;
        const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) taken.add(walker.currentNode);
        return node.textContent;
      };
      const all = (scope, selector) => [...scope.querySelectorAll(selector)].filter(visible);
      const texts = (scope, selector) => all(scope, selector).map(text);
      const cellsOf = (row, selector) => all(row, selector).map((cell) => ({ text: text(cell), classes: [...cell.classList] }));

      const [tokensFigure] = results.children;
      const divergence = results.querySelector('[data-testid="divergence"]');
      const weights = results.querySelector('[data-testid="attention-weights"]');
      const mask = results.querySelector('[data-testid="mask-table"]');
      const shift = results.querySelector('[data-testid="shift"]');
      const titleOf = (figure) => text(figure.querySelector(':scope > .figure-title'));
      const noteOf = (figure) => text(figure.querySelector(':scope > .figure-note'));

      const seenTexts = {
        message: text(root.querySelector('.view-message[role="status"]')),
        tokens: {
          title: titleOf(tokensFigure),
          chips: all(tokensFigure, '.token-chip').map((chip) => [
            text(chip.querySelector('.token-text')),
            text(chip.querySelector('.token-position')),
          ]),
          legend: texts(tokensFigure, '.legend-item'),
          note: noteOf(tokensFigure),
        },
        divergence: {
          causal: text(divergence.querySelector('.causal-note:not(.saturation-note)')),
          saturation: text(divergence.querySelector('.saturation-note')),
          empty: text(divergence.querySelector(':scope > .view-message')),
          overflow: text(divergence.querySelector(':scope > .figure-note')),
          groups: all(divergence, '.group-comparison').map((figure) => ({
            title: titleOf(figure),
            note: noteOf(figure),
            strip: {
              caption: text(figure.querySelector('.stage-strip caption')),
              heads: texts(figure, '.stage-strip thead th'),
              rows: all(figure, '.stage-strip tbody tr').map((row) => ({
                label: text(row.querySelector('th')),
                cells: cellsOf(row, '.stage-mark'),
              })),
            },
            blocks: all(figure, '.strip-block').map((block) => ({
              title: text(block.querySelector('.strip-title')),
              ticks: texts(block, '.color-legend-tick'),
            })),
            readout: text(figure.querySelector('.readout')),
            table: {
              caption: text(figure.querySelector('.distance-table caption')),
              heads: texts(figure, '.distance-table thead th'),
              rows: all(figure, '.distance-table tbody tr').map((row) =>
                row.classList.contains('pair-title')
                  ? { title: text(row.querySelector('th')) }
                  : {
                      name: text(row.querySelector('th')),
                      cells: all(row, '.distance-cell').map((cell) => ({
                        verdict: text(cell.querySelector('.verdict')),
                        classes: [...cell.querySelector('.verdict').classList],
                        metrics: texts(cell, '.metric'),
                      })),
                    },
              ),
            },
          })),
        },
        weights: {
          title: titleOf(weights),
          headings: texts(weights, '.token-matrix-heading'),
          legends: all(weights, '.color-legend').map((legend) => ({
            label: text(legend.querySelector('.color-legend-label')),
            ticks: texts(legend, '.color-legend-tick'),
          })),
          readout: text(weights.querySelector('.readout')),
          note: noteOf(weights),
        },
        mask: {
          title: titleOf(mask),
          heads: texts(mask, 'thead th'),
          rows: all(mask, 'tbody tr').map((row) => ({
            label: text(row.querySelector('th')),
            current: row.classList.contains('is-current'),
            cells: cellsOf(row, '.mask-cell'),
          })),
          note: noteOf(mask),
        },
        // The tools under each chart (figure-tools.js): fixed labels, no claims about numbers.
        tools: all(results, '.figure-tools-bar').map((bar) => texts(bar, 'button, .figure-save-label')),
        shift: {
          title: titleOf(shift),
          control: text(shift.querySelector('.control-name')),
          result: text(shift.querySelector('.shift-result')),
          note: noteOf(shift),
        },
      };
      const unread = [];
      const walker = document.createTreeWalker(results, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode;
        if (node.textContent.trim() && visible(node.parentElement) && !taken.has(node)) unread.push(node.textContent);
      }
      return { state: await window.peDemo.snapshot(), unread, ...seenTexts };
    },
    { c: controls, s: setting },
  );
}

test('every mark and claim of the sentence view agrees with a float64 recomputation', async () => {
  assert.equal(WEIGHT_CHANGE, 2 ** -17, 'the documented shift tolerance');
  const { page, problems } = await openPage(session, `${session.url}index.html?view=sentence`);
  const controls = await controlsOf(page);
  const all = settings();
  for (const setting of all) {
    const label = describe(setting);
    const scheme = pe.schemes.find(({ name }) => name === setting.kind);
    const shown = await show(page, controls, setting);
    const { state } = shown;
    const facts = recompute(setting);
    seen.settings += 1;

    assert.equal(shown.message, null, `${label}: message ${shown.message}`);
    assert.deepEqual(shown.unread, [], `${label}: texts the test does not read`);
    assert.deepEqual(
      [state.text, state.kind, state.dim, state.start, state.causal, state.shift?.by],
      [setting.text, setting.kind, setting.dim, setting.start, setting.causal, setting.shift],
      label,
    );
    for (const { name } of scheme.options.filter(({ type }) => type !== 'scaling'))
      assert.equal(state.schemeOptions[name], setting.options[name], label);
    assert.deepEqual(
      state.tokens,
      facts.tokens.map((token, r) => ({ text: token.text, position: setting.start + r })),
      label,
    );
    assert.deepEqual(state.duplicates, facts.duplicates, label);

    // The core's verdicts, for the mask on screen (the snapshot) and the other one (the module in
    // Node, as the view computes it), against the reference's.
    assert.equal(state.pairs.length, facts.pairs.length, label);
    const other = pe.analyze(setting.text, {
      kind: setting.kind,
      ...setting.options,
      dim: setting.dim,
      start: setting.start,
      causal: !setting.causal,
    });
    for (const [corePairs, refPairs, masked] of [
      [state.pairs, facts.pairs, setting.causal],
      [other.pairs, facts.pairsByMask[!setting.causal], !setting.causal],
    ]) {
      refPairs.forEach((pair, p) => {
        const core = corePairs[p];
        assert.deepEqual([core.a, core.b], [pair.a, pair.b], label);
        for (const stage of STAGE_NAMES)
          for (const run of RUNS) {
            const reference = pair[stage][run];
            const says = core.identical[stage][run];
            const where =
              `${label} (causal ${masked}): the core calls copies ${pair.a}/${pair.b} ${says ? 'identical' : 'different'} ` +
              `at ${stage} ${run}; reference relative distance ${reference.relative}${reference.exact ? '' : `, ${reference.ratio} x the rounding bound`}`;
            if (reference.exact) assert.ok(says ? reference.relative < FLOAT32_RESOLUTION : reference.distance > 0, where);
            else if (!reference.ambiguous) assert.equal(says, reference.identical, where);
            // What the page shows follows from the verdict, which is now known to fit the reference.
            reference.identical = says;
          }
      });
    }

    checkTokens(shown.tokens, facts, setting, label);
    checkDivergence(
      { ...shown.divergence, groups: shown.divergence.groups.map((group) => ({ ...group, snapshotPairs: state.pairs })) },
      facts,
      setting,
      scheme,
      label,
    );
    checkAttentionWeights(shown.weights, facts, scheme, label);
    for (const tools of shown.tools) assert.deepEqual(tools, ['Show the numbers', 'Save as', 'PNG', 'CSV'], label);
    checkMaskTable(shown.mask, facts, setting, scheme, label);
    checkShift(shown.shift, facts, setting, scheme, state, label);
  }
  assert.ok(all.length > 300, `${all.length} settings`);
  assert.deepEqual(problems, []);
  await page.context().close();
  seen.complete = true;
  const unmet = [...formsMet].filter(([, { count }]) => count === 0).map(([key, { pattern }]) => `${key} (${pattern}…)`);
  console.log(`forms met: ${[...formsMet].map(([key, { count }]) => `${key} ${count}`).join(', ')}`);
  console.log(`forms never met in this matrix: ${unmet.join('; ') || 'none'}`);
  const { exact, bounded } = seen;
  console.log(
    `${seen.settings} settings. Rows compared exactly: largest reference relative distance among identical ` +
      `${exact.largestIdentical.value.toExponential(3)} (${exact.largestIdentical.where}), smallest among different ` +
      `${exact.smallestDifferent.value.toExponential(3)} (${exact.smallestDifferent.where}). Outputs under the mask: ` +
      `largest distance among identical ${bounded.largestIdentical.value.toExponential(3)} x the bound (${bounded.largestIdentical.where}), ` +
      `smallest among different ${bounded.smallestDifferent.value.toExponential(3)} x the bound (${bounded.smallestDifferent.where}).`,
  );
});

test("no verdict of the issue's matrix is one float32 rounding could decide", () => {
  assert.ok(seen.complete, 'the matrix ran to the end');
  // One line per setting (and mask): how many compared rows are close calls, and some of them.
  const linesOf = (map) =>
    [...map].map(
      ([setting, rows]) =>
        `${setting}: ${rows.size} rows, e.g. ${[...rows]
          .slice(0, 3)
          .map(([name, how]) => `${name} at ${how}`)
          .join('; ')}`,
    );
  // The stress settings are chosen to bring real differences down to float32's noise: their close
  // calls (verdicts that agree with the reference, but with less than a factor 8 to spare) are
  // listed for the reader of the log.
  console.log(`close calls in the stress settings (all agreeing with the reference):\n${linesOf(seen.closeCalls).join('\n') || 'none'}`);
  const lines = linesOf(seen.ambiguous);
  assert.deepEqual(lines, [], `${lines.length} settings have verdicts float32 rounding could decide: the rule needs revisiting`);
});

// The issue's two ALiBi settings (issue 23, findings 3 and 4): copies that float32 cannot tell
// apart, although ALiBi moves them in exact arithmetic, are called equal in float32 wherever a
// verdict is given, and no title leaves a setting to read as one that does not tell copies apart.
test('ALiBi at slopes of 16 with the mask and 1e-9: equal only in float32, and said so', async () => {
  const read = async (query) => {
    const { page } = await openPage(session, `${session.url}index.html?view=sentence&${query}`);
    const root = page.locator('[data-view-slot="sentence"]');
    const texts = {
      groups: await root.locator('.group-comparison > .figure-title').allTextContents(),
      mask: await root.locator('[data-testid="mask-table"] > .figure-title').textContent(),
      cells: await root.locator('.mask-cell').allTextContents(),
      verdicts: await root.locator('.distance-table .verdict').allTextContents(),
    };
    await page.context().close();
    return texts;
  };
  const steep = await read('kind=alibi&slope=16&causal=1');
  assert.equal(steep.cells.at(-1), '= equal in float32', 'causal mask, with ALiBi');
  assert.match(steep.mask, /; with both together, equal in float32 \(a smaller difference would not show\)$/);
  assert.match(steep.groups[0], /yet their attention outputs are equal in float32$/);
  assert.equal(steep.verdicts.at(-1), '= equal up to float32 rounding', 'the outputs with ALiBi under the mask');
  const flat = await read('kind=alibi&slope=1e-9');
  assert.match(
    flat.groups[0],
    /: equal in float32 at every stage with ALiBi \(linear biases\): nothing here tells the copies apart at float32 precision \(a smaller difference would not show\)$/,
  );
  assert.match(flat.mask, /; with ALiBi \(linear biases\) alone, equal in float32 \(a smaller difference would not show\)$/);
});
