const units = ['bytes', 'kib', 'mib', 'gib', 'tib'] as const;
export type ByteUnit = (typeof units)[number];

/** Splits a byte count into a value and a binary unit, for display through the i18n catalog. */
export function toByteUnit(bytes: number): { value: number; unit: ByteUnit } {
  let value = bytes;
  let index = 0;
  while (value >= 1024 && index < units.length - 1) {
    value /= 1024;
    index++;
  }
  return { value: index === 0 ? value : Math.round(value * 10) / 10, unit: units[index] ?? 'tib' };
}
