/**
 * A query vector prepared once for scanning any number of `VectorIndex`es: its components widened to float64
 * and its norm. A row's dot product sums four lanes (component i goes to lane i mod 4, the components past
 * the last multiple of four to lane 0), each in index order.
 *
 * When at most half the components are nonzero, `nonzero` lists them lane by lane, in that same order, and
 * the scan visits only them. The sums stay bit-identical: a skipped product is ±0, and adding ±0 leaves a
 * lane unchanged, since a lane starts at +0 and a sum is −0 only when both terms are.
 */
export class CosineQuery {
  private constructor(
    readonly components: Float64Array,
    readonly norm: number,
    readonly nonzero: SparseLanes | undefined,
    /** Σ |component|: bounds what rounding the stored rows can move a dot product (see VectorIndex). */
    readonly l1: number,
  ) {}

  static of(vector: Float32Array): CosineQuery {
    let l1 = 0;
    for (const component of vector) l1 += Math.abs(component);
    return new CosineQuery(
      Float64Array.from(vector),
      Math.sqrt(dot(vector, 0, vector, vector.length)),
      sparseLanes(vector),
      l1,
    );
  }
}

/** Indexes of nonzero components, lane 0 first; lane k occupies `indexes` up to `end<k>`. */
export interface SparseLanes {
  indexes: Int32Array;
  end0: number;
  end1: number;
  end2: number;
  end3: number;
}

/** Above this share of nonzero components, the indirect reads cost more than the skipped products save. */
const SPARSE_SHARE = 0.5;

function sparseLanes(vector: Float32Array): SparseLanes | undefined {
  const lanes: number[][] = [[], [], [], []];
  const body = vector.length - (vector.length % 4);
  let count = 0;
  for (let index = 0; index < vector.length; index++) {
    if (vector[index] === 0) continue;
    lanes[index < body ? index % 4 : 0]!.push(index);
    count++;
  }
  if (count > vector.length * SPARSE_SHARE) return undefined;
  const [lane0, lane1, lane2, lane3] = lanes as [number[], number[], number[], number[]];
  const end0 = lane0.length;
  const end1 = end0 + lane1.length;
  const end2 = end1 + lane2.length;
  return {
    indexes: Int32Array.from([...lane0, ...lane1, ...lane2, ...lane3]),
    end0,
    end1,
    end2,
    end3: count,
  };
}

/** Dot product of `length` components of `matrix` from `offset` with `vector`, four lanes at a time. */
export function dot(matrix: Float32Array, offset: number, vector: Float32Array, length: number): number {
  let lane0 = 0;
  let lane1 = 0;
  let lane2 = 0;
  let lane3 = 0;
  let index = 0;
  for (; index + 3 < length; index += 4) {
    lane0 += matrix[offset + index]! * vector[index]!;
    lane1 += matrix[offset + index + 1]! * vector[index + 1]!;
    lane2 += matrix[offset + index + 2]! * vector[index + 2]!;
    lane3 += matrix[offset + index + 3]! * vector[index + 3]!;
  }
  for (; index < length; index++) lane0 += matrix[offset + index]! * vector[index]!;
  return lane0 + lane1 + lane2 + lane3;
}
