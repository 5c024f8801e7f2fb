// Playwright bindings carry JSON only; Electron IPC carries Uint8Array natively. The harness wraps bytes as
// { $bytes: base64 } on the way through so the handlers see exactly what Electron would give them.

type Encoded = { $bytes: string };

function isEncoded(value: unknown): value is Encoded {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<Encoded>).$bytes === 'string' &&
    Object.keys(value).length === 1
  );
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export function encodeBinary(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes: toBase64(value) };
  if (Array.isArray(value)) return value.map(encodeBinary);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeBinary(v)]));
  }
  return value;
}

export function decodeBinary(value: unknown): unknown {
  if (isEncoded(value)) return fromBase64(value.$bytes);
  if (Array.isArray(value)) return value.map(decodeBinary);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeBinary(v)]));
  }
  return value;
}
