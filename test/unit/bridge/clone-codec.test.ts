import { describe, expect, it } from 'vitest';
import { decodeClone, encodeClone } from '../../../electron/bridge/clone-codec';

/** What the page bridge does to a value: encode, carry as JSON over the binding, decode. */
const carried = (value: unknown): unknown => decodeClone(JSON.parse(JSON.stringify(encodeClone(value))));

const buffer = new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]).buffer;
const shared = { name: 'shared' };
const cyclic: { self?: unknown; list: unknown[] } = { list: [] };
cyclic.self = cyclic;
cyclic.list.push(cyclic);
class Person {
  constructor(readonly name: string) {}
  greet(): string {
    return this.name;
  }
}
// eslint-disable-next-line no-sparse-arrays -- a hole is one of the cases structuredClone keeps
const sparse = [1, , 3];

const table: [string, unknown][] = [
  ['a string, true, null', ['text', true, null]],
  ['numbers JSON cannot carry', [NaN, Infinity, -Infinity, -0, 0, 1.5]],
  ['undefined in an object and an array', { gone: undefined, list: [undefined] }],
  ['a bigint', 12345678901234567890n],
  ['a Date, and an invalid one', [new Date('2026-12-01T10:00:00Z'), new Date(Number.NaN)]],
  ['a RegExp with flags', /cases?\/\d+/giu],
  [
    'a Map with object keys',
    new Map<unknown, unknown>([
      [{ k: 1 }, 'one'],
      ['two', new Date(0)],
    ]),
  ],
  ['a Set', new Set([1, 'two', { three: 3 }])],
  ['an ArrayBuffer', buffer.slice(0)],
  ['a Uint8Array', new Uint8Array([1, 2, 250])],
  ['a Uint8Array subarray keeps its offset and its whole buffer', new Uint8Array(buffer.slice(0), 3, 5)],
  [
    'other typed arrays and a DataView',
    [new Float64Array([1.5, -2]), new BigInt64Array([-1n]), new DataView(buffer.slice(0), 2, 4)],
  ],
  ['an object that looks like an encoded value', { $bytes: 'AAEC', $: 'ref', id: 0, $$already: 1 }],
  ['an Error and a TypeError', [new Error('lost'), new TypeError('wrong type')]],
  ['a class instance (its own fields, no methods)', new Person('Ana')],
  ['a sparse array', sparse],
  ['shared references', { a: shared, b: shared, both: [shared, shared] }],
  ['cycles', cyclic],
  [
    'two views on one buffer',
    ((b) => ({ head: new Uint8Array(b, 0, 4), tail: new Uint8Array(b, 4) }))(buffer.slice(0)),
  ],
];

describe('the bridge clone codec carries what structuredClone carries', () => {
  it.each(table)('%s', (_name, value) => {
    const expected = structuredClone(value);
    const actual = carried(value);
    expect(actual).toStrictEqual(expected);
    expect(describeShape(actual)).toEqual(describeShape(expected));
  });

  it('keeps the identity structure: shared references stay shared, cycles stay cycles, views share a buffer', () => {
    const sharing = carried({ a: shared, b: shared }) as { a: object; b: object };
    expect(sharing.a).toBe(sharing.b);
    const loop = carried(cyclic) as typeof cyclic;
    expect(loop.self).toBe(loop);
    expect(loop.list[0]).toBe(loop);
    const views = carried({ head: new Uint8Array(buffer, 0, 4), tail: new Uint8Array(buffer, 4) }) as {
      head: Uint8Array;
      tail: Uint8Array;
    };
    expect(views.head.buffer).toBe(views.tail.buffer);
    expect(views.tail.byteOffset).toBe(4);
  });

  it('refuses what structuredClone refuses, with a DataCloneError', () => {
    for (const value of [() => 1, Symbol('s'), { nested: [{ fn: Math.max }] }]) {
      expect(() => structuredClone(value)).toThrow(expect.objectContaining({ name: 'DataCloneError' }));
      expect(() => encodeClone(value)).toThrow(expect.objectContaining({ name: 'DataCloneError' }));
    }
  });

  it('refuses a malformed encoding with a clear message instead of guessing', () => {
    expect(() => decodeClone({ $: 'nonsense' })).toThrow(/malformed value: the tag nonsense/);
    expect(() => decodeClone({ $: 'ref', id: 3 })).toThrow(/malformed value: a reference/);
    expect(() => decodeClone({ $bytes: 'AAEC' })).toThrow(/malformed value: the key \$bytes/);
    expect(() => decodeClone({ $: 'buffer', v: 'not base64!' })).toThrow(/malformed value: a buffer/);
  });
});

/** What toStrictEqual does not compare: prototypes, offsets, holes, -0 and error names. */
function describeShape(value: unknown, seen = new Set<unknown>()): unknown {
  if (Object.is(value, -0)) return '-0';
  if (typeof value !== 'object' || value === null) return typeof value;
  if (seen.has(value)) return 'seen';
  seen.add(value);
  if (ArrayBuffer.isView(value)) {
    return [value.constructor.name, value.byteOffset, value.byteLength, value.buffer.byteLength];
  }
  if (value instanceof Error) return [value.constructor.name, value.name, value.message, value.stack];
  if (Array.isArray(value))
    return ['Array', value.length, Object.keys(value), value.map((item) => describeShape(item, seen))];
  if (value instanceof Map || value instanceof Set) return [value.constructor.name, value.size];
  const proto = Object.getPrototypeOf(value) as object | null;
  const entries = Object.entries(value).map(([k, v]) => [k, describeShape(v, seen)]);
  return [proto?.constructor?.name ?? 'null', entries];
}
