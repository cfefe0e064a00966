// A digest of what the whole API returns for a fixed set of calls (api-calls.mjs): every number
// bit for bit (typed arrays by their bytes, numbers by their shortest exact spelling, -0 apart),
// every string, every error's class and message. A refactor of the boundary must leave it
// unchanged; api-digest.json holds the digest recorded on main before the boundary was rewritten
// (c6074e7), and tests/js/api-digest.test.mjs compares with it.
//
//   node tests/regression/api-digest.mjs           prints the digest and any calls that differ
//   node tests/regression/api-digest.mjs --add     records the calls the record lacks (a new
//                                                  function's), only while every recorded one holds
//   node tests/regression/api-digest.mjs --write   records it all (only for a deliberate change)
//
// Two digests of the calls: `canonical` orders each object's keys by name (what callers can rely
// on); `ordered` keeps the keys in the order the API wrote them (reported, not required). The
// API's constants (pe.schemes, the presets, ...) are recorded whole and compared as a subset: a
// later API may add a key or a name, never change or drop one.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { loadPE } from '../../web/pe.js';
import { CALLS_AFTER_LOADING, CALLS_BEFORE_LOADING, CONSTANT_NAMES } from './api-calls.mjs';

const RECORD = fileURLToPath(new URL('./api-digest.json', import.meta.url));

function spell(value, sortKeys) {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'function') return 'function';
  if (ArrayBuffer.isView(value)) {
    const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    return `${value.constructor.name}(${value.length}):${createHash('sha256').update(bytes).digest('hex')}`;
  }
  const frozen = Object.isFrozen(value) ? 'frozen ' : '';
  if (Array.isArray(value)) return `${frozen}[${value.map((item) => spell(item, sortKeys)).join(',')}]`;
  const keys = Object.keys(value);
  if (sortKeys) keys.sort();
  return `${frozen}{${keys.map((key) => `${key}:${spell(value[key], sortKeys)}`).join(',')}}`;
}

async function outcome(run) {
  try {
    return { value: await run() };
  } catch (error) {
    return { error: `${error.constructor.name}: ${error.message}` };
  }
}

// A constant as JSON: leaves spelled as above, objects and arrays marked frozen or open.
function plain(value) {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return spell(value, true);
  const state = Object.isFrozen(value) ? '#frozen' : '#open';
  if (Array.isArray(value)) return [state, ...value.map(plain)];
  return Object.fromEntries([['#', state], ...Object.entries(value).map(([key, item]) => [key, plain(item)])]);
}

// Whether current holds everything recorded holds (and perhaps more keys).
function contains(recorded, current) {
  if (typeof recorded === 'string') return recorded === current;
  if (Array.isArray(recorded)) {
    return Array.isArray(current) && current.length === recorded.length && recorded.every((item, i) => contains(item, current[i]));
  }
  return current !== null && typeof current === 'object' && Object.entries(recorded).every(([key, item]) => contains(item, current[key]));
}

function describeOutcome({ value, error }, sortKeys) {
  return error === undefined ? spell(value, sortKeys) : `throws ${error}`;
}

const sha = (text) => createHash('sha256').update(text).digest('hex');

/** Runs every call on a fresh API object; returns { canonical, ordered, count, names,
 *  constants, calls: { label: sha } }. */
export async function digestApi() {
  const pe = await loadPE();
  const lines = [];
  const add = async (label, run) => lines.push([label, await outcome(run)]);
  for (const [label, call] of CALLS_BEFORE_LOADING) await add(label, () => call(pe));
  await pe.loadTokenizer('gpt2');
  await pe.loadEmbeddings('glove');
  for (const [label, call] of CALLS_AFTER_LOADING) await add(label, () => call(pe));

  const labels = new Set();
  const calls = {};
  const canonical = [];
  const ordered = [];
  for (const [label, result] of lines) {
    if (labels.has(label)) throw new Error(`two calls are labelled "${label}"`);
    labels.add(label);
    const line = `${label} => ${describeOutcome(result, true)}`;
    calls[label] = sha(line);
    canonical.push(line);
    ordered.push(`${label} => ${describeOutcome(result, false)}`);
  }
  // The API's names: a later API may add names, never drop one (compared as a subset).
  const names = Object.keys(pe).sort();
  const constants = Object.fromEntries(CONSTANT_NAMES.map((name) => [name, plain(pe[name])]));
  // The canonical digest of some of the calls (those a record holds), in their order.
  const canonicalOf = (labels) => sha(canonical.filter((line) => labels.has(line.slice(0, line.indexOf(' => ')))).join('\n'));
  return {
    canonical: sha(canonical.join('\n')),
    ordered: sha(ordered.join('\n')),
    count: lines.length,
    names,
    constants,
    calls,
    canonicalOf,
  };
}

/** The digest recorded by --write. */
export function recordedDigest() {
  return JSON.parse(readFileSync(RECORD, 'utf8'));
}

/** Labels whose digest differs from the record (or that only one of them has), names the
 *  recorded API had that the current one lacks, and constants that changed a recorded value. */
export function differences(recorded, current) {
  const labels = new Set([...Object.keys(recorded.calls), ...Object.keys(current.calls)]);
  const dropped = recorded.names.filter((name) => !current.names.includes(name)).map((name) => `pe.${name} is gone`);
  const constants = Object.keys(recorded.constants)
    .filter((name) => !contains(recorded.constants[name], current.constants[name]))
    .map((name) => `pe.${name} changed`);
  return [...[...labels].filter((label) => recorded.calls[label] !== current.calls[label]), ...dropped, ...constants];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const current = await digestApi();
  if (process.argv.includes('--write')) {
    const { canonicalOf, ...record } = current;
    writeFileSync(RECORD, `${JSON.stringify(record, null, 2)}\n`);
    console.log(`recorded ${current.count} calls: canonical ${current.canonical}, ordered ${current.ordered}`);
  } else if (process.argv.includes('--add')) {
    const recorded = recordedDigest();
    const added = Object.keys(current.calls).filter((label) => !(label in recorded.calls));
    const changed = differences(recorded, current).filter((label) => !added.includes(label));
    if (changed.length > 0) throw new Error(`recorded calls differ, nothing added:\n  ${changed.join('\n  ')}`);
    for (const label of added) recorded.calls[label] = current.calls[label];
    writeFileSync(RECORD, `${JSON.stringify({ ...recorded, names: current.names }, null, 2)}\n`);
    console.log(`added ${added.length} calls to the record`);
  } else {
    const recorded = recordedDigest();
    console.log(`${current.count} calls`);
    console.log(`canonical ${current.canonical} (recorded ${recorded.canonical})`);
    const first = new Set(Object.keys(recorded.calls).slice(0, recorded.count));
    console.log(`canonical of the ${first.size} calls first recorded: ${current.canonicalOf(first)}`);
    console.log(`ordered   ${current.ordered} (recorded ${recorded.ordered})`);
    const changed = differences(recorded, current);
    console.log(changed.length === 0 ? 'every call as recorded' : `${changed.length} calls differ:\n  ${changed.join('\n  ')}`);
  }
}
