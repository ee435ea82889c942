// Right: through logs, σ(z) = exp(−log1p(e^(−z))) for z ≥ 0 and exp(z − log1p(e^z)) below.
// Expect: pass
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  return z.map((zi) => (zi >= 0 ? Math.exp(-Math.log1p(Math.exp(-zi))) : Math.exp(zi - Math.log1p(Math.exp(zi)))));
}
