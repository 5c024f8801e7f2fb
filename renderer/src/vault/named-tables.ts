/** The vault's tables that a person can recognise by name on screen (each has words in the catalogs). */
export const NAMED_TABLES = [
  'cases',
  'people',
  'events',
  'attachments',
  'offices',
  'officeKeys',
  'bundleLedger',
  'persons',
  'personKeys',
  'settings',
  'profile',
] as const;

export type NamedTable = (typeof NAMED_TABLES)[number];

/** The table as a named one, or undefined for any other (shown as "a stored record", never by its name). */
export const namedTable = (table: string): NamedTable | undefined => NAMED_TABLES.find((named) => named === table);
