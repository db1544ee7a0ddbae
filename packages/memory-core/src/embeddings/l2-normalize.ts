/**
 * The unit-length copy of a vector as a Float32Array. Sums in double precision; a zero vector stays zero
 * (there is no direction to keep, and dividing would produce NaN).
 */
export function l2Normalize(values: ArrayLike<number>): Float32Array {
  let squaredNorm = 0;
  for (let index = 0; index < values.length; index++) squaredNorm += values[index]! * values[index]!;
  const normalised = new Float32Array(values.length);
  if (squaredNorm === 0) return normalised;
  const scale = 1 / Math.sqrt(squaredNorm);
  for (let index = 0; index < values.length; index++) normalised[index] = values[index]! * scale;
  return normalised;
}
