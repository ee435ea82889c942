// What the last few frames used, for the per-line work the build's substitutes remember for Ink
// (ansi-tokenize.js, widest-line.js). Two generations: an entry found in either is kept, and
// when the newer one is full the older is dropped. A frame's lines are always at hand for the
// next frame, and a long session holds at most two generations, never every line it drew.

/** @template V */
export class RecentMap {
  /** @type {Map<string, V>} */
  #recent = new Map();
  /** @type {Map<string, V>} */
  #older = new Map();

  /** @param {number} generationSize */
  constructor(generationSize) {
    this.generationSize = generationSize;
  }

  /**
   * The value remembered for `key`, or `compute(key)` remembered from now on.
   * @param {string} key
   * @param {(key: string) => V} compute
   * @returns {V}
   */
  get(key, compute) {
    let value = this.#recent.get(key);
    if (value === undefined) {
      value = this.#older.get(key) ?? compute(key);
      if (this.#recent.size >= this.generationSize) {
        this.#older = this.#recent;
        this.#recent = new Map();
      }
      this.#recent.set(key, value);
    }
    return value;
  }

  /** How many entries are remembered now. */
  get size() {
    return this.#recent.size + this.#older.size;
  }
}
