// What crosses the pipe between the tutor and a sandbox process, read on the tutor's side as
// untrusted bytes: frames of bounded size, values decoded under fixed limits (realm.js writes
// them), and every reply checked against a strict schema before a check may read it.
import * as z from 'zod';

/**
 * What a sandbox may send back, at most. They admit the largest values the checks use (a
 * 5,000 × 20 matrix is 100,000 numbers, 0.8 MB) with room to spare; anything larger is a clear
 * "returned something the checks cannot read", never a hang.
 */
export const wireLimits = {
  /** Bytes in one reply frame. */
  maxBytes: 16 * 1024 * 1024,
  /** Values in one reply, numbers included (a 5,000 × 200 matrix). */
  maxItems: 1_000_000,
  /** Nesting of arrays and objects. */
  maxDepth: 16,
  /** Characters in one string (what a run printed travels as one, capped at 16 KiB). */
  maxString: 64 * 1024,
} as const;

/** A reply that breaks the format or its limits. */
export class Unreadable extends Error {
  override readonly name = 'Unreadable';
}

/** Frame kinds: the sandbox host's own messages (JSON) and the student realm's replies (bytes). */
export const frameKinds = { harness: 0, realm: 1 } as const;

/** One frame from a sandbox, its payload copied into a buffer of its own. */
export interface Frame {
  readonly kind: number;
  /** How long the operation took, by the sandbox host's clock (unchecked: validate before use). */
  readonly ms: number;
  readonly payload: Uint8Array;
}

/**
 * Cuts the bytes a sandbox writes into frames: a 4-byte length, a kind byte, padding, an 8-byte
 * time, the payload. A length over `maxBytes` is refused before anything is buffered for it.
 */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private failed = false;

  constructor(
    private readonly maxBytes: number,
    private readonly onFrame: (frame: Frame) => void,
    private readonly onError: (reason: string) => void,
  ) {}

  push(chunk: Buffer): void {
    if (this.failed) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    while (this.buffered >= 16 && !this.failed) {
      const head = this.peek(16);
      const length = head.readUInt32LE(0);
      if (length < 12 || length > this.maxBytes + 12) {
        this.failed = true;
        this.onError(`a reply of ${length} bytes (the limit is ${this.maxBytes})`);
        return;
      }
      if (this.buffered < 4 + length) return;
      const frame = this.take(4 + length);
      const payload = new Uint8Array(new ArrayBuffer(roundUp(length - 12, 8)), 0, length - 12);
      payload.set(frame.subarray(16));
      this.onFrame({ kind: frame.readUInt8(4), ms: frame.readDoubleLE(8), payload });
    }
  }

  private peek(count: number): Buffer {
    const first = this.chunks[0] as Buffer;
    if (first.length >= count) return first;
    const joined = Buffer.concat(this.chunks);
    this.chunks = [joined];
    return joined;
  }

  private take(count: number): Buffer {
    const joined = this.peek(count);
    const frame = joined.subarray(0, count);
    const rest = joined.subarray(count);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered -= count;
    return frame;
  }
}

function roundUp(value: number, to: number): number {
  return Math.ceil(Math.max(value, 1) / to) * to;
}

/**
 * Decodes one value written by realm.js: numbers, strings, booleans, null, undefined, arrays
 * (number[] packed), Float64Array, plain objects, and `{ unclonable: kind }` for anything else.
 * Throws Unreadable on any breach of the format or of `wireLimits`.
 */
export function decodeValue(payload: Uint8Array): unknown {
  const buffer = payload.buffer as ArrayBuffer;
  if (payload.byteOffset !== 0) throw new Unreadable('a misaligned reply');
  const end = payload.byteLength;
  const bytes = new Uint8Array(buffer, 0, end);
  const words = new Uint32Array(buffer, 0, Math.floor(buffer.byteLength / 4));
  const doubles = new Float64Array(buffer, 0, Math.floor(buffer.byteLength / 8));
  const units = new Uint16Array(buffer, 0, Math.floor(buffer.byteLength / 2));
  let at = 0;
  let items = 0;

  const need = (count: number) => {
    if (at + count > end) throw new Unreadable('a reply that ends too early');
  };
  const align = (to: number) => {
    at = Math.ceil(at / to) * to;
  };
  const count = (added: number) => {
    items += added;
    if (items > wireLimits.maxItems)
      throw new Unreadable(`more than ${wireLimits.maxItems} values`);
  };
  const readCount = () => {
    align(4);
    need(4);
    const value = words[at / 4] as number;
    at += 4;
    return value;
  };
  const readString = () => {
    const length = readCount();
    if (length > wireLimits.maxString) {
      throw new Unreadable(`a string longer than ${wireLimits.maxString} characters`);
    }
    align(2);
    need(length * 2);
    let text = '';
    for (let from = 0; from < length; from += 8192) {
      const slice = units.subarray(at / 2 + from, at / 2 + Math.min(length, from + 8192));
      text += String.fromCharCode(...slice);
    }
    at += length * 2;
    return text;
  };
  const readDoubles = (length: number) => {
    count(length);
    align(8);
    need(length * 8);
    const view = doubles.subarray(at / 8, at / 8 + length);
    at += length * 8;
    return view;
  };

  const read = (depth: number): unknown => {
    if (depth > wireLimits.maxDepth) throw new Unreadable('values nested too deep');
    count(1);
    need(1);
    const tag = bytes[at++];
    switch (tag) {
      case 0:
        return undefined;
      case 1:
        return null;
      case 2:
        return false;
      case 3:
        return true;
      case 4: {
        align(8);
        need(8);
        const value = doubles[at / 8] as number;
        at += 8;
        return value;
      }
      case 5:
        return readString();
      case 6: {
        const length = readCount();
        // Every item takes a byte at least: a length the payload cannot hold is a lie.
        if (length > end - at) throw new Unreadable('an array longer than its bytes');
        count(length);
        const array: unknown[] = [];
        for (let i = 0; i < length; i++) array.push(read(depth + 1));
        return array;
      }
      case 7:
        return Array.from(readDoubles(readCount()));
      case 8:
        return readDoubles(readCount()).slice();
      case 9: {
        const length = readCount();
        if (length > end - at) throw new Unreadable('an object with more keys than bytes');
        count(length);
        const record: Record<string, unknown> = {};
        for (let i = 0; i < length; i++) {
          const key = readString();
          // Defined, not assigned: a key named `__proto__` stays a key.
          Object.defineProperty(record, key, {
            value: read(depth + 1),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
        return record;
      }
      case 10:
        return { unclonable: readString() };
      default:
        throw new Unreadable(`an unknown tag ${String(tag)}`);
    }
  };

  const value = read(0);
  if (at !== end) throw new Unreadable('bytes after the value');
  return value;
}

// --- replies ------------------------------------------------------------------------------

const thrown = z.strictObject({ name: z.string(), message: z.string(), stack: z.string() });
const calls = z.number().int().nonnegative();
const index = z.number().int().nonnegative().max(wireLimits.maxItems);
const output = { printed: z.string(), dropped: z.number().nonnegative() };

/** Every reply the student realm may send, by kind. */
export const realmReply = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('loaded'), exports: z.array(z.string()), ...output }),
  z.strictObject({ kind: z.literal('load-error'), error: thrown, ...output }),
  z.strictObject({ kind: z.literal('exit'), code: z.number(), ...output }),
  z.strictObject({ kind: z.literal('missing'), found: z.string(), ...output }),
  z.strictObject({ kind: z.literal('throw'), error: thrown, functionCalls: calls, ...output }),
  z.strictObject({ kind: z.literal('promise'), functionCalls: calls, ...output }),
  z.strictObject({
    kind: z.literal('value'),
    value: z.unknown(),
    changed: z.array(index),
    argsAfter: z.array(z.unknown()),
    functionCalls: calls,
    handle: index.optional(),
    ...output,
  }),
  z.strictObject({ kind: z.literal('kept'), handles: z.array(index), ...output }),
  z.strictObject({ kind: z.literal('unreadable'), reason: z.string(), ...output }),
]);

/** A reply of the student realm, validated. */
export type RealmReply = z.infer<typeof realmReply>;

/** Messages of the sandbox host itself. */
export const harnessMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('timeout'), printed: z.string() }),
  z.strictObject({ type: z.literal('crash'), detail: z.string().max(500) }),
]);

/** A message of the sandbox host, validated. */
export type HarnessMessage = z.infer<typeof harnessMessage>;

/** Reads a realm frame: decoded under the limits, then checked against `realmReply`. */
export function readRealmReply(payload: Uint8Array): RealmReply {
  const parsed = realmReply.safeParse(decodeValue(payload));
  if (!parsed.success) throw new Unreadable('a reply of the wrong shape');
  return parsed.data;
}

/** Reads a harness frame (JSON, at most a few kilobytes of it). */
export function readHarnessMessage(payload: Uint8Array): HarnessMessage {
  if (payload.byteLength > 64 * 1024) throw new Unreadable('a harness message too long');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload).toString('utf8'));
  } catch {
    throw new Unreadable('a harness message that is not JSON');
  }
  const parsed = harnessMessage.safeParse(json);
  if (!parsed.success) throw new Unreadable('a harness message of the wrong shape');
  return parsed.data;
}

// --- arguments ----------------------------------------------------------------------------

/** One argument as the student realm reads it (`fromWire` in realm.js). */
export type WireArgument =
  | { readonly handle: number }
  | {
      readonly json: string;
      /** Paths to numbers JSON cannot hold (NaN, ±Infinity, −0), with their names. */
      readonly special: readonly (readonly [readonly (string | number)[], string])[];
      readonly kind: 'value' | 'function' | 'f64';
    };

/** `value` as JSON plus the paths of the numbers JSON would lose. */
export function toWire(value: unknown, kind: 'value' | 'function' | 'f64' = 'value'): WireArgument {
  const special: [(string | number)[], string][] = [];
  // One path, extended and shortened as the walk goes: a copy is made only for a special
  // number, so a 5000×20 X costs no allocation per entry.
  const path: (string | number)[] = [];
  const walk = (item: unknown) => {
    if (typeof item === 'number') {
      const name = specialName(item);
      if (name) special.push([[...path], name]);
    } else if (Array.isArray(item) || item instanceof Float64Array) {
      for (let i = 0; i < item.length; i++) {
        path.push(i);
        walk(item[i]);
        path.pop();
      }
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        path.push(key);
        walk(child);
        path.pop();
      }
    }
  };
  const plain = item(value);
  walk(plain);
  return { json: JSON.stringify(plain) ?? 'null', special, kind };
}

/** The name JSON cannot carry a number by, or undefined for an ordinary number. */
function specialName(value: number): string | undefined {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return 'Infinity';
  if (value === Number.NEGATIVE_INFINITY) return '-Infinity';
  if (Object.is(value, -0)) return '-0';
  return undefined;
}

const isNumber = (value: unknown): value is number => typeof value === 'number';

/** Float64Arrays as plain arrays, so JSON keeps their numbers. */
function item(value: unknown): unknown {
  if (value instanceof Float64Array) return Array.from(value);
  // An array of numbers is its own JSON: no copy (the common case, every row of X).
  if (Array.isArray(value)) return value.every(isNumber) ? value : value.map(item);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, item(child)]));
  }
  return value;
}
