// The lists that say they hold every function of the API, compared with the API's own keys, so a
// function added to the API without its place in them fails here: the largest calls (memory
// bound and bench), the declarations the core exports, and the digest's fixed calls.
// Run: node --test tests/js/api-coverage.test.mjs   (after the wasm build)
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadPE } from '../../web/pe.js';
import { CALLS_AFTER_LOADING, CALLS_BEFORE_LOADING } from '../regression/api-calls.mjs';
import { LARGEST_CALLS } from './support/largest-calls.mjs';

const pe = await loadPE();
const functions = Object.keys(pe).filter((name) => typeof pe[name] === 'function');
// The loaders fetch a vocabulary or a table into JS and never call the core; the trainer's
// functions call a module of their own (its declarations: tests/trainer/trainer-api.test.mjs).
const LOADERS = ['loadTokenizer', 'loadEmbeddings'];
const TRAINER = ['loadTrainer', 'trainer'];
const computing = functions.filter((name) => !LOADERS.includes(name) && !TRAINER.includes(name));
// A list's function names: the first word of each label.
const named = (calls) => [...new Set(calls.map(([label]) => label.split(' ')[0]))].sort();

test('the largest calls hold every function that calls the core, and only those', () => {
  assert.deepEqual(named(LARGEST_CALLS), [...computing].sort());
});

test('every function that calls the core has its options declared by the core, and only those', () => {
  assert.deepEqual(Object.keys(pe.requests).sort(), [...computing].sort());
});

test("the digest's fixed calls reach every function of the core's module", () => {
  const reached = named([...CALLS_BEFORE_LOADING, ...CALLS_AFTER_LOADING]);
  assert.deepEqual(
    functions.filter((name) => !reached.includes(name) && !TRAINER.includes(name)),
    [],
  );
});
