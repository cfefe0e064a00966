// How the two binary views (grid and waves) take new settings. The panel's numbers must be
// usable and the core must accept the range they make; otherwise the message line says why and
// the view keeps its last good state. A link is different: there is no good state yet, so a
// range the core rejects is replaced by the view's defaults.

/**
 * Reads the panel and the view's own controls (extras() gives their values) and tries the
 * result with load(next), which throws the core's error for a range it does not allow.
 * Returns the settings to show, or null when the message line now says why there are none.
 */
export function tryPanelSettings({ controls, extras, message, load }) {
  const read = controls.read();
  if (read.problem) {
    message.show(read.problem);
    return null;
  }
  const next = { ...read.values, ...extras() };
  try {
    load(next);
  } catch (error) {
    message.show(`These settings do not work: ${error.message}.`);
    return null;
  }
  message.show(null);
  return next;
}

/**
 * Loads a link's settings with load(settings). Values that pass their own checks can still
 * combine into a range the core rejects (start near 2^31 with many rows); then the names in
 * reset go back to their defaults in params, in the panel too, with a message that says so.
 * Returns the settings loaded.
 */
export function loadLinkSettings({ settings, params, reset, controls, message, load }) {
  try {
    load(settings);
    return settings;
  } catch (error) {
    message.show(`The link’s range does not work (${error.message}), so the default range is shown.`);
    const fallback = { ...settings };
    for (const name of reset) fallback[name] = params[name].defaultValue;
    controls.set(fallback);
    load(fallback);
    return fallback;
  }
}
