// The magnitude view's choice of word vector scale (see ../shared/embedding-scales.js): whether
// positions drown the meaning depends on it, so the reader can compare both. Radio buttons rather
// than a select, so both choices can be read in full on a phone.
import { element } from '../../charts/figure.js';

let groupCount = 0; // radio names must be unique on the page

/** scales: embeddingScales(...); value: the link name chosen at first. Returns { element, read() }
 *  where read() gives the chosen link name. */
export function createScaleControl(scales, value) {
  groupCount += 1;
  const group = element('fieldset', 'control control-wide scale-control');
  group.append(element('legend', 'control-name', 'Word vector scale'));
  const radios = Object.entries(scales).map(([name, scale]) => {
    const radio = element('input');
    radio.type = 'radio';
    radio.name = `word-vector-scale-${groupCount}`;
    radio.value = name;
    radio.checked = name === value;
    const choice = element('label', 'scale-choice');
    choice.append(radio, element('span', '', scale.choice));
    group.append(choice);
    return radio;
  });
  return { element: group, read: () => radios.find((radio) => radio.checked).value };
}
