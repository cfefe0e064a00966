// The RoPE view's state as plain JSON, for the page's snapshot() (tests and benchmarks).

/** settings: the view's; data and now: loadRope's and ropeAt's (rope-data.js); long: the long
 *  context panel's shown(); player: the position player; root: the view's element. */
export function ropeSnapshot({ settings, data, now, differing, long, player, root, message }) {
  const list = Array.from;
  const { random, aligned, rotated } = now;
  const hands = rotated[settings.pairing];
  const c = data.channels[settings.pairing];
  return {
    ...settings,
    playing: player.playing(),
    reducedMotion: player.reducedMotion(),
    frequencies: list(data.theta),
    wavelengths: list(data.wavelengths),
    query: list(data.q),
    key: list(data.k),
    clocks: list(data.theta, (_, i) => ({ pair: i, channels: [c[2 * i], c[2 * i + 1]], hand: [hands[c[2 * i]], hands[c[2 * i + 1]]] })),
    offsetCurve: list(random.scores),
    alignedCurve: list(aligned.scores),
    bounds: { random: list(random.bounds), aligned: list(aligned.bounds) },
    largestDifferenceFromPosition0: now.drift,
    rotated: { interleaved: list(rotated.interleaved), half: list(rotated.half) },
    channelsDiffering: differing,
    mismatch: {
      permutation: list(data.permutation),
      wrong: list(now.wrong),
      fixed: list(now.fixed),
      largestWrong: now.largestWrong,
      largestFixed: now.largestFixed,
    },
    bands: { ...long.bands.counts },
    long: {
      bands: long.bands.bands,
      wavelengths: list(long.bands.wavelengths),
      originalWavelengths: list(long.bands.originalWavelengths),
      mscale: long.mscale,
    },
    titles: list(root.querySelectorAll('.figure-title'), (node) => node.textContent),
    message: message.text(),
  };
}
