import { parseShellMessage, shellPlaceSchema, type ShellMessage } from '@shared/ipc/shell-message';
import { formatBytesWith } from '../vault/storage-space';

/** The catalog lookup, narrowed to what the wording needs (i18next's `t`). */
export type Translate = (key: string, values: Readonly<Record<string, string>>) => string;

/** Byte counts are shown in the reader's units; the rest are names and paths, shown as they are. */
const BYTE_PARAMS = new Set(['bytes', 'maxBytes', 'freeBytes', 'neededBytes']);

/**
 * A failure of the app shell in the reader's language: `shellMessages.<code>`, with the place worded
 * (`shellMessages.place.<kind>`) and byte counts in the reader's units. Codes, channel names and operating-system
 * error names stay out of the words: they are in the English sentence that logs keep.
 */
export function shellMessageText(t: Translate, language: string, message: ShellMessage): string {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(message.params)) {
    if (key === 'place') {
      const place = shellPlaceSchema.safeParse(value);
      if (place.success)
        values.place = t(`shellMessages.place.${place.data.kind}`, {
          path: 'path' in place.data ? place.data.path : '',
        });
    } else if (typeof value === 'number') {
      values[key] = BYTE_PARAMS.has(key)
        ? formatBytesWith(t, language, value)
        : new Intl.NumberFormat(language).format(value);
    } else if (typeof value === 'string') {
      values[key] = value;
    }
  }
  return t(`shellMessages.${message.code}`, values);
}

/** Words for whatever crossed the bridge as a failure: its message if this build knows it, else the generic one. */
export function shellFailureText(t: Translate, language: string, untrustedMessage: unknown): string {
  const message = parseShellMessage(untrustedMessage);
  return message === null ? t('shellMessages.unknown', {}) : shellMessageText(t, language, message);
}
