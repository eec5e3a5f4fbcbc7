/** Progress goes to stderr; stdout is reserved for the one JSON document of figures. */
export const log = (...parts: unknown[]) => console.error('[bench]', ...parts);

export const round = (n: number, digits = 1) => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};
