// Playwright's page bindings carry JSON; Electron IPC carries structured clones. This codec carries every value
// structuredClone accepts through JSON and back, so the handlers behind the e2e harness and the preview see exactly
// what Electron would give them: Uint8Array stays bytes (a subarray keeps its offset into its buffer), Date, Map,
// Set, RegExp, ArrayBuffer, typed arrays, Error, undefined, NaN, -0 and bigint survive, shared references and
// cycles are kept, and an object that merely looks like an encoded value is not mistaken for one.
//
// Encoded form: plain JSON, where an object with the key "$" is a tagged value and every key of a user object that
// starts with "$" gets one more "$" in front. Objects are numbered in the order they are first met, the same order
// on both sides, so { $: 'ref', id } points back to one met earlier.

import { fromBase64, toBase64 } from '@shared/bytes/bytes';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const viewTypes = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
  DataView,
} as const;
type ViewType = keyof typeof viewTypes;

const errorTypes = { Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError } as const;

/** Thrown for what structuredClone would refuse (functions, symbols, DOM objects…), with the same name. */
function dataCloneError(what: string): Error {
  return new DOMException(`${what} could not be cloned.`, 'DataCloneError');
}

export function encodeClone(value: unknown): Json {
  const ids = new Map<object, number>();

  function encode(item: unknown): Json {
    switch (typeof item) {
      case 'string':
      case 'boolean':
        return item;
      case 'number':
        if (Object.is(item, -0)) return { $: 'number', v: '-0' };
        return Number.isFinite(item) ? item : { $: 'number', v: String(item) };
      case 'undefined':
        return { $: 'undefined' };
      case 'bigint':
        return { $: 'bigint', v: item.toString() };
      case 'function':
      case 'symbol':
        throw dataCloneError(String(item));
      case 'object':
        return item === null ? null : encodeObject(item);
    }
  }

  function encodeObject(item: object): Json {
    const seen = ids.get(item);
    if (seen !== undefined) return { $: 'ref', id: seen };
    ids.set(item, ids.size);
    if (Array.isArray(item)) {
      const slots: Json[] = [];
      for (let i = 0; i < item.length; i++) slots.push(i in item ? encode(item[i]) : { $: 'hole' });
      return { $: 'array', v: slots };
    }
    if (item instanceof Date) return { $: 'date', v: encode(item.getTime()) };
    if (item instanceof RegExp) return { $: 'regexp', source: item.source, flags: item.flags };
    if (item instanceof Map) return { $: 'map', v: [...item].map(([k, v]) => [encode(k), encode(v)]) };
    if (item instanceof Set) return { $: 'set', v: [...item].map(encode) };
    if (item instanceof ArrayBuffer) return { $: 'buffer', v: toBase64(new Uint8Array(item)) };
    if (ArrayBuffer.isView(item)) return encodeView(item);
    if (item instanceof Error) return encodeError(item);
    // Any other object crosses as its own enumerable fields, as structuredClone copies a class instance.
    const fields: { [key: string]: Json } = {};
    for (const [key, field] of Object.entries(item)) fields[key.startsWith('$') ? `$${key}` : key] = encode(field);
    return fields;
  }

  function encodeView(view: ArrayBufferView): Json {
    const type = (Object.keys(viewTypes) as ViewType[]).find((name) => view instanceof viewTypes[name]);
    if (type === undefined) throw dataCloneError(Object.prototype.toString.call(view));
    if (!(view.buffer instanceof ArrayBuffer)) throw dataCloneError('A view on a SharedArrayBuffer');
    const perItem = view instanceof DataView ? 1 : (view as Uint8Array).BYTES_PER_ELEMENT;
    return {
      $: 'view',
      type,
      buffer: encode(view.buffer),
      offset: view.byteOffset,
      length: view.byteLength / perItem,
    };
  }

  function encodeError(error: Error): Json {
    const name = error.name in errorTypes ? error.name : 'Error';
    const encoded: { [key: string]: Json } = { $: 'error', name, message: encode(error.message) };
    if (typeof error.stack === 'string') encoded['stack'] = error.stack;
    return encoded;
  }

  return encode(value);
}

export function decodeClone(encoded: unknown): unknown {
  const objects: unknown[] = [];

  function decode(item: unknown): unknown {
    if (Array.isArray(item)) throw malformed('a bare array');
    if (typeof item !== 'object' || item === null) return item;
    const record = item as Record<string, unknown>;
    if (!('$' in record)) {
      const fields: Record<string, unknown> = {};
      objects.push(fields);
      for (const [key, field] of Object.entries(record)) {
        if (key.startsWith('$') && !key.startsWith('$$')) throw malformed(`the key ${key}`);
        fields[key.startsWith('$') ? key.slice(1) : key] = decode(field);
      }
      return fields;
    }
    return decodeTagged(record);
  }

  function decodeTagged(record: Record<string, unknown>): unknown {
    switch (record['$']) {
      case 'number':
        return Number(record['v']);
      case 'undefined':
        return undefined;
      case 'bigint':
        return BigInt(String(record['v']));
      case 'ref': {
        const id = record['id'];
        if (typeof id !== 'number' || id >= objects.length) throw malformed('a reference');
        return objects[id];
      }
      case 'array': {
        const slots = list(record['v']);
        const array: unknown[] = new Array(slots.length);
        objects.push(array);
        slots.forEach((slot, i) => {
          if (!isTag(slot, 'hole')) array[i] = decode(slot);
        });
        return array;
      }
      case 'date':
        return remember(new Date(Number(decode(record['v']))));
      case 'regexp':
        return remember(new RegExp(String(record['source']), String(record['flags'])));
      case 'map': {
        const map = remember(new Map<unknown, unknown>());
        for (const pair of list(record['v'])) {
          const [k, v] = list(pair);
          map.set(decode(k), decode(v));
        }
        return map;
      }
      case 'set': {
        const set = remember(new Set<unknown>());
        for (const member of list(record['v'])) set.add(decode(member));
        return set;
      }
      case 'buffer': {
        const bytes = fromBase64(String(record['v']));
        if (bytes === null) throw malformed('a buffer');
        return remember(bytes.slice().buffer);
      }
      case 'view':
        return decodeView(record);
      case 'error': {
        const name = String(record['name']);
        const type = name in errorTypes ? errorTypes[name as keyof typeof errorTypes] : Error;
        const error = remember(new type(String(decode(record['message']))));
        if (typeof record['stack'] === 'string') {
          Object.defineProperty(error, 'stack', { value: record['stack'], writable: true, configurable: true });
        }
        return error;
      }
      default:
        throw malformed(`the tag ${String(record['$'])}`);
    }
  }

  function decodeView(record: Record<string, unknown>): unknown {
    const type = String(record['type']);
    if (!(type in viewTypes)) throw malformed(`the view type ${type}`);
    const slot = objects.length;
    objects.push(undefined); // numbered before its buffer, as the encoder met it
    const buffer = decode(record['buffer']);
    if (!(buffer instanceof ArrayBuffer)) throw malformed('a view without a buffer');
    const View = viewTypes[type as ViewType] as new (buffer: ArrayBuffer, offset: number, length: number) => object;
    const view = new View(buffer, Number(record['offset']), Number(record['length']));
    objects[slot] = view;
    return view;
  }

  function remember<T>(object: T): T {
    objects.push(object);
    return object;
  }

  return decode(encoded);
}

function isTag(item: unknown, tag: string): boolean {
  return typeof item === 'object' && item !== null && (item as Record<string, unknown>)['$'] === tag;
}

function list(item: unknown): unknown[] {
  if (!Array.isArray(item)) throw malformed('a list');
  return item;
}

function malformed(what: string): Error {
  return new TypeError(`The bridge received a malformed value: ${what} is not part of the clone encoding.`);
}
