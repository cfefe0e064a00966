// The TypeScript option types against the declarations the core checks options with: the
// checked-in web/types/options.d.ts must be exactly what web/build/option-types.mjs writes from
// pe.requests, and every key of a scaling object the core declares must have its place in the
// hand-written Scaling union (web/types/values.d.ts), which the declarations' flat keys cannot
// discriminate by type.
// Run: node --test tests/js/option-types.test.mjs   (after the wasm build)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { checkedIn, optionTypes } from '../../web/build/option-types.mjs';
import { loadPE } from '../../web/pe.js';

const pe = await loadPE();

test('the checked-in option types are the ones the declarations give', async () => {
  assert.equal(checkedIn(), await optionTypes(), 'web/types/options.d.ts is stale: run node web/build/option-types.mjs');
});

test('the Scaling union names every key of a scaling object the core declares', () => {
  const values = readFileSync(new URL('../../web/types/values.d.ts', import.meta.url), 'utf8');
  const union = values.slice(values.indexOf('export interface Llama3Scaling'), values.indexOf('export type Scaling ='));
  const scaling = pe.requests.rotate.options.find((option) => option.name === 'scaling');
  for (const { name, choices } of scaling.options) {
    assert.match(union, new RegExp(`\\b${name}\\??:`), `the Scaling types lack ${name}`);
    for (const type of choices ?? []) assert.match(union, new RegExp(`type: '${type}'`), `no Scaling type '${type}'`);
  }
});
