// Shared steps of the sentence-view tests (sentence.test.mjs, magnitude.test.mjs): typing into a
// view's text box, choosing its position scheme, reading its message line, and the hostile texts
// both views must survive.
import { snapshot } from './browser.mjs';

/** Replaces the text in the view's box (data-testid="sentence") as a user would, firing 'input'. */
export async function typeSentence(page, text) {
  await page.getByTestId('sentence').fill(text);
}

/** The view's position-scheme select (its options' values are pe.schemes' names). */
export function encoding(page) {
  return page.getByRole('combobox', { name: /^Position scheme/ });
}

/** The message the view shows about its input ('' when none is shown). */
export function viewMessage(page) {
  return page.evaluate(() => {
    const message = document.querySelector('.view-message[role="status"]');
    return message && !message.hidden ? message.textContent : '';
  });
}

// Text that tries to become markup; the views must show it as characters.
export const MARKUP_TEXT = '<img src=x onerror=alert(1)> <script>alert(2)</script> <b>bold</b>';

// Emoji (with a skin tone and a zero-width-joined family), Chinese, Hebrew and Arabic, each
// appearing twice so the views have duplicates to compare.
const WORLD_TEXT = '🐶 👍🏽 👨‍👩‍👧 狗 追 狗 כלב רץ כלב كلب كلب 👍🏽';

/**
 * Types each hostile text and records the view's answer, then a normal sentence, after which the
 * view must show tokens again. Returns what was seen, for assertions specific to the view;
 * seen.dialogs lists any alert() the markup managed to run (each is dismissed).
 */
export async function typeHostileTexts(page, normalText) {
  const seen = { dialogs: [] };
  const recordDialog = (dialog) => {
    seen.dialogs.push(dialog.message());
    dialog.dismiss();
  };
  page.on('dialog', recordDialog);
  await typeSentence(page, '');
  seen.empty = { snapshot: await snapshot(page), message: await viewMessage(page) };
  await typeSentence(page, 'word '.repeat(4000));
  seen.huge = { snapshot: await snapshot(page), message: await viewMessage(page) };
  await typeSentence(page, 'a '.repeat(300));
  seen.manyTokens = { snapshot: await snapshot(page), message: await viewMessage(page) };
  await typeSentence(page, MARKUP_TEXT);
  seen.markup = {
    snapshot: await snapshot(page),
    markupElements: await page.evaluate(() => document.querySelectorAll('main img, main b, main script').length),
    chipTexts: await page.$$eval('.token-text', (chips) => chips.map((chip) => chip.textContent)),
  };
  await typeSentence(page, WORLD_TEXT);
  seen.world = { snapshot: await snapshot(page), message: await viewMessage(page) };
  await typeSentence(page, normalText);
  seen.normal = { snapshot: await snapshot(page), message: await viewMessage(page) };
  page.off('dialog', recordDialog);
  return seen;
}
