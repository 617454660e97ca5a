// mulberry32: small, seeded, reproducible. Shared by the signal parity test
// and bench/signals, so both generate their strings the same way.
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const bool = (p = 0.5) => next() < p;
  const pick = (list) => list[int(0, list.length - 1)];
  const subset = (list, p) => list.filter(() => bool(p));
  return { next, int, bool, pick, subset };
}
