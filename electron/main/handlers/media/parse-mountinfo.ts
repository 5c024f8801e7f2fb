/** One line of Linux /proc/<pid>/mountinfo (see proc(5)). */
export type MountInfoEntry = {
  readonly majorMinor: string;
  readonly mountPoint: string;
  readonly mountOptions: readonly string[];
  readonly fileSystem: string;
  readonly source: string;
  readonly superOptions: readonly string[];
};

/** Undoes the kernel's octal escapes (\040 space, \011 tab, \012 newline, \134 backslash). */
export function unescapeMountField(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

export function parseMountInfo(text: string): MountInfoEntry[] {
  const entries: MountInfoEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const fields = line.split(' ');
    const separator = fields.indexOf('-', 6);
    if (separator < 0 || fields.length < separator + 3) continue;
    const [, , majorMinor, , mountPoint, mountOptions] = fields;
    if (majorMinor === undefined || mountPoint === undefined || mountOptions === undefined) continue;
    entries.push({
      majorMinor,
      mountPoint: unescapeMountField(mountPoint),
      mountOptions: mountOptions.split(','),
      fileSystem: fields[separator + 1] ?? '',
      source: unescapeMountField(fields[separator + 2] ?? ''),
      superOptions: (fields[separator + 3] ?? '').split(','),
    });
  }
  return entries;
}
