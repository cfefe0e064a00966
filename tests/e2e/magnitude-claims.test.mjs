// Every sentence the magnitude view writes about its numbers, checked against an independent
// recomputation, across sentences x encodings x first positions x dimensions x word vector
// scales. The view is driven on one loaded page (its controls set in one page.evaluate per
// setting); the test reads what is on screen (titles, ratio sentences, notes) and the snapshot,
// then recomputes in float64, in Node, from pe.analyze's float32 tables and from first principles
// (|integer| = p sqrt(d), |binary| = sqrt(bits set), |sinusoidal| = sqrt(d / 2)), never with the
// view's own code. Each visible sentence must match one of the forms below and its claim must
// hold; a sentence of any other form fails the test, so a new claim cannot go unchecked.
// Run: node --test tests/e2e/magnitude-claims.test.mjs   (after `bash .ci/build.sh web`)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPE } from '../../web/pe.js';
import { openPage, useSession, waitForSnapshot } from './support/browser.mjs';
import { encoding } from './support/sentence-views.mjs';
import { cosine } from '../js/support/vectors.mjs';

const session = useSession();
const pe = await loadPE();

const SENTENCES = [
  'The cat and the kitten watched a plane',
  'A puppy and a dog chased the train and the car',
  'The dog chased another dog',
];
// Texts of our own for the edge cases: one pair, no related pair, only related pairs, no two
// different words, one token, and a last token whose binary vector is zero (252 + 4 = 256).
const OWN = ['the a', 'hello world again', 'cat kitten dog puppy', 'the the', 'cat', 'It could not catch it'];
const KINDS = ['none', 'integer', 'binary', 'sinusoidal'];
const SCALES = { init: 0.02, paper: 1 };

function settings() {
  const list = [];
  for (const text of SENTENCES) {
    for (const kind of KINDS)
      for (const start of [0, 50, 200])
        for (const dim of [8, 16, 64]) {
          for (const scale of Object.keys(SCALES)) list.push({ text, kind, start, dim, scale });
        }
  }
  for (const text of [...OWN, SENTENCES[2]]) {
    for (const kind of KINDS)
      for (const start of [0, 252, 1_000_000]) {
        for (const scale of Object.keys(SCALES)) list.push({ text, kind, start, dim: 8, scale });
      }
  }
  return list;
}

// ---- The independent recomputation ----------------------------------------------------------

const row = (table, dim, r) => table.subarray(r * dim, (r + 1) * dim);
const norm = (v) => Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));
const bitsSet = (p, dim) => [...Array(dim).keys()].filter((i) => Math.floor(p / 2 ** i) % 2 === 1).length;

// |P(p)| from the definitions of the encodings, not from any table.
function positionLength(kind, p, dim) {
  if (kind === 'integer') return p * Math.sqrt(dim);
  if (kind === 'binary') return Math.sqrt(bitsSet(p, dim));
  if (kind === 'sinusoidal') return Math.sqrt(dim / 2);
  return 0;
}

const groupOf = new Map(pe.vocabularyClusters.flatMap(({ cluster, words }) => words.map((word) => [word, cluster])));

function recompute({ text, kind, start, dim, scale }) {
  const a = pe.analyze(text, { kind, dim, start, embeddingStd: SCALES[scale] });
  const n = a.tokens.length;
  const words = a.tokens.map((token) => token.text);
  const wordLengths = words.map((_, r) => norm(row(a.tokenEmbedding, dim, r)));
  const positionLengths = a.tokens.map((token) => positionLength(kind, token.position, dim));
  const ratios = positionLengths.map((length, r) => length / wordLengths[r]);
  const zero = positionLengths.map((length) => length === 0);
  const takesPart = (r) => kind === 'none' || !zero[r];
  const without = (x, y) => cosine(row(a.tokenEmbedding, dim, x), row(a.tokenEmbedding, dim, y));
  const withPE = (x, y) => cosine(row(a.input, dim, x), row(a.input, dim, y));
  const pairs = [];
  let minWithPE = Infinity;
  for (let x = 0; x < n; x += 1) {
    for (let y = x + 1; y < n; y += 1) {
      if (!takesPart(x) || !takesPart(y)) continue;
      minWithPE = Math.min(minWithPE, withPE(x, y));
      if (words[x] === words[y]) continue;
      const related = groupOf.has(words[x]) && groupOf.get(words[x]) === groupOf.get(words[y]);
      pairs.push({ x, y, words: [words[x], words[y]], related, withoutPE: without(x, y), withPE: withPE(x, y) });
    }
  }
  return { a, n, words, wordLengths, positionLengths, ratios, zero, pairs, minWithPE, without, withPE };
}

// Whether every related pair is more alike than every unrelated one, and by how much (null when
// one kind of pair is missing).
function standing(pairs, key) {
  const related = pairs.filter((pair) => pair.related).map((pair) => pair[key]);
  const unrelated = pairs.filter((pair) => !pair.related).map((pair) => pair[key]);
  if (related.length === 0 || unrelated.length === 0) return null;
  const margin = Math.min(...related) - Math.max(...unrelated);
  return { standsOut: margin > 0, margin };
}

// ---- Reading numbers as shown ---------------------------------------------------------------

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const NUMBER = '(−?[\\d,]+(?:\\.\\d+)?(?: × 10⁻[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?)';
const WORD = '“\u2068([^\u2069]*)\u2069”';

// A number as written, with the place of its last digit: "0.805" -> 0.805 +- 0.0005,
// "2.5 × 10⁻⁹" -> 2.5e-9 +- 0.05e-9.
function shown(text) {
  const [mantissa, power] = text.split(' × 10⁻');
  const decimals = (mantissa.split('.')[1] ?? '').length;
  const exponent = power ? -Number([...power].map((c) => SUPERSCRIPTS.indexOf(c)).join('')) : 0;
  const value = Number(mantissa.replaceAll(',', '').replace('−', '-')) * 10 ** exponent;
  return { value, half: 0.5 * 10 ** (exponent - decimals) };
}

function assertShown(text, value, what) {
  const { value: number, half } = shown(text);
  assert.ok(Math.abs(number - value) <= half * (1 + 1e-9) + 1e-15, `${what}: shown ${text}, recomputed ${value}`);
}

// A ratio is written with two significant digits ("12,000×", "0.61×"), and never as a bare "1"
// unless it is exactly 1.
function assertRatio(text, value, what) {
  const number = Number(text.replaceAll(',', ''));
  const half = 0.5 * 10 ** (Math.floor(Math.log10(value)) - 1);
  assert.ok(Math.abs(number - value) <= half * (1 + 1e-9), `${what}: shown ${text}×, recomputed ${value}`);
  if (text === '1') assert.equal(value, 1, `${what}: "1×" for a ratio of ${value}`);
}

// A pair named by its words, with the similarity shown: some pair of those words has it.
function findPair(pairs, wordA, wordB, key, text, what) {
  const candidates = pairs.filter((pair) => pair.words.includes(wordA) && pair.words.includes(wordB) && wordA !== wordB);
  assert.ok(candidates.length > 0, `${what}: no pair “${wordA}”/“${wordB}” takes part`);
  const { value, half } = shown(text);
  const match = candidates.find((pair) => Math.abs(pair[key] - value) <= half * (1 + 1e-9) + 1e-15);
  assert.ok(match, `${what}: no pair “${wordA}”/“${wordB}” has ${key} ${text} (${candidates.map((pair) => pair[key]).join(', ')})`);
  return match;
}

/**
 * Reads text as a run of sentences, each of which must match one of forms ([sticky regex, check
 * (match)]), and runs the check of each. Fails on anything it cannot read.
 */
function readSentences(text, forms, what) {
  let at = 0;
  while (at < text.length) {
    let matched = false;
    for (const [pattern, check] of forms) {
      pattern.lastIndex = at;
      const match = pattern.exec(text);
      if (!match) continue;
      check(match);
      at = pattern.lastIndex;
      while (text[at] === ' ') at += 1;
      matched = true;
      break;
    }
    assert.ok(matched, `${what}: no known form for “${text.slice(at)}”`);
  }
}

const form = (source) => new RegExp(source, 'y');
const escape = (value) => String(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// ---- The claims ------------------------------------------------------------------------------

function checkNormTitle(title, setting, facts, label) {
  const { kind } = setting;
  const scaleWords = `word vectors at ${escape(SCALES[setting.scale])} per component`;
  const largest = Math.max(...facts.ratios);
  readSentences(
    title,
    [
      [form('With no positional encoding nothing is added: the words keep their own vectors$'), () => assert.equal(kind, 'none', label)],
      [
        form('Every (\\w+) position vector here is zero: nothing is added to the words$'),
        ([, k]) => {
          assert.equal(k, kind, label);
          assert.ok(facts.zero.every(Boolean), `${label}: a position vector is not zero`);
        },
      ],
      [
        form(
          `With (\\w+) positions and ${scaleWords}, every position vector is shorter than its token's vector: at most ([\\d.,]+)× as long$`,
        ),
        ([, k, ratio]) => {
          assert.equal(k, kind, label);
          assert.ok(largest < 1, `${label}: largest ratio ${largest}`);
          assertRatio(ratio, largest, label);
        },
      ],
      [
        form(`With (\\w+) positions and ${scaleWords}, the position vector is up to ([\\d.,]+)× as long as the token's vector$`),
        ([, k, ratio]) => {
          assert.equal(k, kind, label);
          assert.ok(largest >= 1, `${label}: largest ratio ${largest}`);
          assertRatio(ratio, largest, label);
        },
      ],
    ],
    label,
  );
}

function checkRatioWords(words, setting, facts, label) {
  const { kind } = setting;
  const tokenAt = (position, word) => {
    const r = Number(position.replaceAll(',', '')) - setting.start;
    assert.equal(facts.words[r], word, `${label}: token at position ${position}`);
    return r;
  };
  const firstNonZero = facts.zero.indexOf(false);
  readSentences(
    words,
    [
      [
        form('The input to attention is the token embedding alone; the word order is not in it\\.'),
        () => {
          assert.equal(kind, 'none', label);
          assert.ok(
            facts.a.input.every((value, i) => value === facts.a.tokenEmbedding[i]),
            `${label}: input is not the token embedding`,
          );
        },
      ],
      [
        form('Every (\\w+) position vector in this text is zero\\.'),
        ([, k]) => {
          assert.equal(k, kind, label);
          assert.ok(facts.zero.every(Boolean), label);
        },
      ],
      [
        form(`At position ([\\d,]+) \\(${WORD}\\) the position vector is ([\\d.,]+)× as long as the token's vector\\.`),
        ([, position, word, ratio]) => {
          const r = tokenAt(position, word);
          assert.equal(r, firstNonZero, `${label}: the first token with a non-zero position vector`);
          assertRatio(ratio, facts.ratios[r], label);
        },
      ],
      [
        form(`At position ([\\d,]+) \\(${WORD}\\) it is ([\\d.,]+)× as long\\.`),
        ([, position, word, ratio]) => {
          const r = tokenAt(position, word);
          assert.equal(r, facts.n - 1, `${label}: the last token`);
          assertRatio(ratio, facts.ratios[r], label);
        },
      ],
      [
        form(`At position ([\\d,]+) \\(${WORD}\\) the (\\w+) position vector is all zeros, so that token is left as it is\\.`),
        ([, position, word, k]) => {
          const r = tokenAt(position, word);
          assert.equal(k, kind, label);
          assert.ok(facts.zero[r], `${label}: position ${position} is not zero`);
          // Adding zeros leaves the word's vector as it is.
          assert.ok(
            row(facts.a.input, setting.dim, r).every((value, i) => value === row(facts.a.tokenEmbedding, setting.dim, r)[i]),
            label,
          );
        },
      ],
    ],
    label,
  );
}

// "“X” and “Y” (u) are more alike than “A” and “B” (r)": an unrelated pair above a related one.
function checkBeats([highA, highB, high, lowA, lowB, low], pairs, key, label) {
  const above = findPair(pairs, highA, highB, key, high, label);
  const below = findPair(pairs, lowA, lowB, key, low, label);
  assert.equal(above.related, false, `${label}: “${highA}”/“${highB}” are related`);
  assert.equal(below.related, true, `${label}: “${lowA}”/“${lowB}” are not related`);
  assert.ok(above[key] > below[key], `${label}: ${above[key]} is not above ${below[key]}`);
}

const BEATS = `${WORD} and ${WORD} \\(${NUMBER}\\) are more alike than ${WORD} and ${WORD} \\(${NUMBER}\\)`;

function checkSimilarityTitle(title, setting, facts, label) {
  const { kind } = setting;
  const { pairs } = facts;
  const related = pairs.filter((pair) => pair.related).length;
  const unrelated = pairs.length - related;
  const before = standing(pairs, 'withoutPE');
  const after = standing(pairs, 'withPE');
  const setting_ = `With ${kind} positions and word vectors at ${escape(SCALES[setting.scale])} per component`;
  const values = (key) => pairs.map((pair) => pair[key]);
  const checkRange = (low, high, key) => {
    assertShown(low, Math.min(...values(key)), label);
    assertShown(high, Math.max(...values(key)), label);
  };
  const NONE = 'Without positions only the words shape similarity';
  readSentences(
    title,
    [
      [
        form('Similarity needs at least two different words( whose position vectors are not zero)?$'),
        ([, zeros]) => {
          assert.equal(pairs.length, 0, label);
          assert.equal(Boolean(zeros), facts.zero.some(Boolean) && kind !== 'none', label);
        },
      ],
      [
        form(`${NONE}: ${WORD} and ${WORD} have similarity ${NUMBER}$`),
        ([, x, y, value]) => {
          assert.equal(kind, 'none', label);
          assert.equal(pairs.length, 1, label);
          findPair(pairs, x, y, 'withoutPE', value, label);
        },
      ],
      [
        form(`${NONE}; no two words here are related \\(the word groups are listed below\\)$`),
        () => {
          assert.equal(kind, 'none', label);
          assert.equal(related, 0, label);
        },
      ],
      [
        form(`${NONE}; every pair of different words here is related$`),
        () => {
          assert.equal(kind, 'none', label);
          assert.equal(unrelated, 0, label);
        },
      ],
      [
        form(`${NONE}: every related pair is more alike than every unrelated pair$`),
        () => {
          assert.equal(kind, 'none', label);
          assert.equal(before?.standsOut, true, label);
        },
      ],
      [
        form(`${NONE}, and not every related pair stands out: ${BEATS}$`),
        (match) => {
          assert.equal(kind, 'none', label);
          checkBeats(match.slice(1), pairs, 'withoutPE', label);
        },
      ],
      [
        form(
          `${setting_}, every pair of positioned tokens has similarity ${NUMBER} or more(?:(, whatever the words)|(, related or not: the meaning is drowned)|; related pairs still come first, but only by ${NUMBER}(?: \\(${NUMBER} without positions\\))?)$`,
        ),
        ([, floor, whatever, drowned, margin, marginBefore]) => {
          // The number shown is the smallest similarity rounded down to 3 decimals.
          const least = Number(floor);
          assert.ok(facts.minWithPE >= least && facts.minWithPE < least + 0.001, `${label}: smallest ${facts.minWithPE}, shown ${floor}`);
          if (whatever) assert.ok(related === 0 || unrelated === 0, label);
          if (drowned) assert.equal(after?.standsOut, false, `${label}: related pairs still come first`);
          if (margin) {
            assert.equal(after?.standsOut, true, label);
            assertShown(margin, after.margin, `${label}: margin with positions`);
            assert.equal(Boolean(marginBefore), before.standsOut, label);
            if (marginBefore) assertShown(marginBefore, before.margin, `${label}: margin without positions`);
          }
        },
      ],
      [
        form(`${setting_}, the similarity of ${WORD} and ${WORD} goes from ${NUMBER} to ${NUMBER}$`),
        ([, x, y, from, to]) => {
          assert.equal(pairs.length, 1, label);
          findPair(pairs, x, y, 'withoutPE', from, label);
          findPair(pairs, x, y, 'withPE', to, label);
        },
      ],
      [
        form(
          `${setting_}, pairs of different words have similarities from ${NUMBER} to ${NUMBER} \\(${NUMBER} to ${NUMBER} without positions\\); no two of these words are related$`,
        ),
        ([, low, high, lowBefore, highBefore]) => {
          assert.equal(related, 0, label);
          checkRange(low, high, 'withPE');
          checkRange(lowBefore, highBefore, 'withoutPE');
        },
      ],
      [
        form(
          `${setting_}, every pair of different words here is related; their similarities run from ${NUMBER} to ${NUMBER} \\(${NUMBER} to ${NUMBER} without positions\\)$`,
        ),
        ([, low, high, lowBefore, highBefore]) => {
          assert.equal(unrelated, 0, label);
          checkRange(low, high, 'withPE');
          checkRange(lowBefore, highBefore, 'withoutPE');
        },
      ],
      [
        form(`${setting_}, related words still stand out: every related pair is more alike than every unrelated pair$`),
        () => {
          assert.equal(after?.standsOut, true, label);
        },
      ],
      [
        form(`${setting_}, related words no longer stand out: ${BEATS}$`),
        (match) => {
          checkBeats(match.slice(1), pairs, 'withPE', label);
        },
      ],
    ],
    label,
  );
}

// The most alike pair of different words, by its words and similarity.
function checkMostAlike(x, y, value, key, pairs, label) {
  const best = Math.max(...pairs.map((pair) => pair[key]));
  assertShown(value, best, `${label}: most alike ${key}`);
  findPair(pairs, x, y, key, value, label);
  const ofThem = Math.max(...pairs.filter((pair) => pair.words.includes(x) && pair.words.includes(y)).map((pair) => pair[key]));
  assert.equal(ofThem, best, `${label}: “${x}”/“${y}” (${ofThem}) are not the most alike (${best})`);
}

function checkSimilarityNote(note, setting, facts, label) {
  const { pairs } = facts;
  const related = pairs.filter((pair) => pair.related).length;
  const before = standing(pairs, 'withoutPE');
  const skipped = facts.a.tokens.filter((_, r) => setting.kind !== 'none' && facts.zero[r]).map((token) => token.position);
  let skippedSaid = false;
  readSentences(
    note,
    [
      [
        form(
          'Related pairs are two different words of one word group \\(listed below\\): ([\\d,]+) here, next to ([\\d,]+) unrelated pairs?\\.',
        ),
        ([, r, u]) => {
          assert.deepEqual([Number(r), Number(u)], [related, pairs.length - related], label);
        },
      ],
      [
        form('Without positions every related pair is more alike than every unrelated pair\\.'),
        () => {
          assert.equal(before?.standsOut, true, label);
        },
      ],
      [
        form(`Even without positions not every related pair stands out: ${BEATS}\\.`),
        (match) => {
          checkBeats(match.slice(1), pairs, 'withoutPE', label);
        },
      ],
      [
        form(`Most alike pair of different words: ${WORD} and ${WORD}, ${NUMBER}\\.`),
        ([, x, y, value]) => {
          assert.equal(setting.kind, 'none', label);
          checkMostAlike(x, y, value, 'withoutPE', pairs, label);
        },
      ],
      [
        form(
          `Most alike pair of different words without positions: ${WORD} and ${WORD}, ${NUMBER}; with them (still )?${WORD} and ${WORD}, ${NUMBER}\\.`,
        ),
        ([, x, y, value, still, z, w, valueWith]) => {
          checkMostAlike(x, y, value, 'withoutPE', pairs, label);
          checkMostAlike(z, w, valueWith, 'withPE', pairs, label);
          assert.equal(Boolean(still), [x, y].sort().join(' ') === [z, w].sort().join(' '), `${label}: "still"`);
        },
      ],
      [
        form('Positions? ([\\d, and]+?) (?:is|are) left out of these numbers: (?:its|their) position vectors? (?:is|are) zero\\.'),
        ([, list]) => {
          const positions = list.split(/, | and /).map((text) => Number(text.replaceAll(',', '')));
          assert.deepEqual(positions, skipped, label);
          skippedSaid = true;
        },
      ],
    ],
    label,
  );
  assert.equal(skippedSaid, skipped.length > 0, `${label}: left-out positions ${skipped}`);
}

function checkEmbeddingNote(note, setting, label) {
  assert.match(note, new RegExp(`each component is random with standard deviation ${SCALES[setting.scale]},`), label);
  for (const { cluster, words } of pe.vocabularyClusters) {
    assert.ok(note.includes(`${cluster}: ${words.join(', ')}`), `${label}: the note misses the group ${cluster}`);
  }
}

// ---- Driving the view -------------------------------------------------------------------------

async function controlsOf(page) {
  return {
    text: await page.getByTestId('sentence').elementHandle(),
    kind: await encoding(page).elementHandle(),
    dim: await page.getByLabel('Dimensions').elementHandle(),
    start: await page.getByLabel('First position').elementHandle(),
    scales: await page.locator('input[type="radio"][name^="word-vector-scale"]').elementHandles(),
  };
}

// Sets every control at once, fires one 'input' (the view redraws synchronously), and reads the
// snapshot and every sentence on screen.
function show(page, controls, setting) {
  return page.evaluate(
    async ({ controls: c, setting: s }) => {
      c.text.value = s.text;
      c.kind.value = s.kind;
      c.dim.value = String(s.dim);
      c.start.value = String(s.start);
      for (const radio of c.scales) radio.checked = radio.value === s.scale;
      c.text.dispatchEvent(new Event('input', { bubbles: true }));
      const [normFigure, similarityFigure] = document.querySelectorAll('[data-view-slot="magnitude"] figure');
      const text = (node) => (node && !node.hidden ? node.textContent : '');
      return {
        state: await window.peDemo.snapshot(),
        message: text(document.querySelector('.view-message')),
        normTitle: text(normFigure.querySelector('.figure-title')),
        ratioWords: text(normFigure.querySelector('.ratio-words')),
        normNote: text(normFigure.querySelector('.figure-note')),
        similarityTitle: text(similarityFigure.querySelector('.figure-title')),
        similarityNote: text(similarityFigure.querySelector('.figure-note')),
        headings: [...similarityFigure.querySelectorAll('.token-matrix-heading')].map((node) => node.textContent),
        embeddingNote: text(document.querySelector('.embedding-note')),
      };
    },
    { controls, setting },
  );
}

test('every claim of the magnitude view holds in every setting of the matrix', async () => {
  const { page, problems } = await openPage(session, `${session.url}index.html?view=magnitude`);
  const controls = await controlsOf(page);
  const all = settings();
  for (const setting of all) {
    const label = JSON.stringify(setting);
    const seen = await show(page, controls, setting);
    const { state } = seen;
    const facts = recompute(setting);
    assert.equal(seen.message, '', `${label}: message ${seen.message}`);
    assert.deepEqual(
      [state.text, state.kind, state.dim, state.start, state.scale],
      [setting.text, setting.kind, setting.dim, setting.start, setting.scale],
      label,
    );
    assert.equal(state.embeddingStd, SCALES[setting.scale], label);
    assert.deepEqual(state.tokens, facts.a.tokens, label);

    // The lengths drawn are the recomputed ones.
    facts.wordLengths.forEach((length, r) => assert.ok(Math.abs(state.tokenNorms[r] - length) <= 1e-12 * length, `${label}: word ${r}`));
    facts.positionLengths.forEach((length, r) => {
      const table = norm(row(facts.a.positionEncoding, setting.dim, r));
      assert.ok(Math.abs(table - length) <= 1e-6 * Math.max(1, length), `${label}: the core's position ${r} is ${table}, not ${length}`);
      assert.ok(Math.abs(state.positionNorms[r] - length) <= 1e-6 * Math.max(1, length), `${label}: drawn position ${r}`);
    });
    // So are the similarities, without positions and with them.
    for (let x = 0; x < facts.n; x += 1) {
      for (let y = 0; y < facts.n; y += 1) {
        assert.ok(Math.abs(state.similarity.withoutPE[x][y] - facts.without(x, y)) < 1e-12, `${label}: without ${x},${y}`);
        assert.ok(Math.abs(state.similarity.withPE[x][y] - facts.withPE(x, y)) < 1e-12, `${label}: with ${x},${y}`);
      }
    }

    checkNormTitle(seen.normTitle, setting, facts, `${label} norm title`);
    checkRatioWords(seen.ratioWords, setting, facts, `${label} ratio sentences`);
    assert.equal(seen.normNote !== '', facts.zero.some(Boolean), `${label}: the hollow-square note`);
    if (seen.normNote) assert.match(seen.normNote, /^A hollow square is a position vector of length 0\./);
    checkSimilarityTitle(seen.similarityTitle, setting, facts, `${label} similarity title`);
    checkSimilarityNote(seen.similarityNote, setting, facts, `${label} similarity note`);
    assert.deepEqual(
      seen.headings,
      [
        'Without positions: token embeddings',
        setting.kind === 'none' ? 'With no positional encoding (the same)' : `With ${setting.kind} positions: token + position`,
      ],
      label,
    );
    if (setting.kind === 'none') assert.deepEqual(state.similarity.withPE, state.similarity.withoutPE, label);
    checkEmbeddingNote(seen.embeddingNote, setting, label);
  }
  assert.ok(all.length > 250, `${all.length} settings`);
  assert.deepEqual(problems, []);
  await page.context().close();
});

// The most set bits any position from 0 to last has in its dim lowest bits: dim once last reaches
// 2^dim - 1, else one less than last's bit length unless last is all ones.
function mostSetBits(last, dim) {
  if (last >= 2 ** dim - 1) return dim;
  const length = last.toString(2).length;
  return last === 2 ** length - 1 ? length : length - 1;
}
const setBits = (p, dim) => [...(p % 2 ** dim).toString(2)].filter((bit) => bit === '1').length;

// GloVe's 100 numbers a word with the integer and binary codes at every start the view allows: the
// length rule's bound must be reachable here, a range's two ends must read differently, and a
// word missing from the table is written one way in a paragraph.
test('with GloVe, the length sentences hold at every start', async () => {
  const { page, problems } = await openPage(session, `${session.url}index.html?view=magnitude&embeddings=glove`);
  await waitForSnapshot(page, (state) => state.embeddings === 'glove' && state.count > 0, { timeout: 30000 });
  const controls = await controlsOf(page);
  const texts = ['The cat and the kitten watched a plane', 'A puppy and a dog chased the train and the car'];
  for (const text of texts)
    for (const kind of ['integer', 'binary'])
      for (const start of [0, 5, 200, 65_530, 999_990, 1_000_000]) {
        const setting = { text, kind, dim: 8, start, scale: 'init' };
        const label = JSON.stringify(setting);
        const { state, ratioWords, message } = await show(page, controls, setting);
        assert.equal(message, '', `${label}: ${message}`);
        const last = start + state.tokens.length - 1;
        const positions = state.tokens.map(({ position }) => position);
        const [, range] = ratioWords.match(/Position vectors here are (.+?) long\./) ?? assert.fail(`${label}: ${ratioWords}`);
        if (range.includes(' to ')) {
          const [low, high] = range.split(' to ');
          assert.notEqual(low, high, `${label}: ${range}`);
          // The ends written show how far apart they are: not 10,000,000 to 10,000,100 for a
          // spread of 70 (an integer position p is 10p long in 100 dimensions).
          const norms = positions.map((p) => (kind === 'integer' ? 10 * p : Math.sqrt(setBits(p, 100))));
          const spread = Math.max(...norms) - Math.min(...norms);
          const written = Number(high.replaceAll(',', '')) - Number(low.replaceAll(',', ''));
          assert.ok(Math.abs(written - spread) <= 0.1 * spread, `${label}: ${range} for a spread of ${spread}`);
        }
        if (kind === 'binary') {
          const [, bits] = ratioWords.match(/at most √(\d+) = [\d.]+ here/) ?? [];
          assert.equal(Number(bits), mostSetBits(last, 100), `${label}: ${ratioWords}`);
          assert.ok(
            positions.every((p) => setBits(p, 100) <= Number(bits)),
            label,
          );
        }
        for (const { text: word, oov } of state.tokens)
          if (oov)
            assert.ok(!ratioWords.includes(`“\u2068${word}\u2069”`), `${label}: “${word}” unmarked beside “${word}*”: ${ratioWords}`);
      }
  assert.deepEqual(problems, []);
  await page.context().close();
});
