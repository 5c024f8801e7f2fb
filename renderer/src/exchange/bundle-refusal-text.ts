import { bundleRefusalKey, type BundleRefusal } from '@shared/bundle/bundle-refusal';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** A refusal in the reader's words: what is wrong, and what to do next (catalog `exchange.bundleRefusals`). */
export type WordedRefusal = { readonly what: string; readonly next: string };

/**
 * Words a bundle refusal from the catalogs by its situation or code, with its params filled in: dates in the
 * locale's format, numbers as they are. A detail the verifier did not give shows as a dash, never as a placeholder.
 */
export function bundleRefusalText(
  t: Translate,
  dateTime: (iso: string) => string,
  refusal: BundleRefusal,
): WordedRefusal {
  const { params } = refusal;
  const dash = '—';
  const values = {
    office: params.office ?? dash,
    fingerprint: params.fingerprint ?? dash,
    date: params.at === undefined ? dash : dateTime(new Date(params.at).toISOString()),
    days: params.days ?? dash,
    sequence: params.sequence ?? dash,
    last: params.last ?? dash,
    part: params.part ?? dash,
    item: params.item ?? dash,
  };
  const key = `exchange.bundleRefusals.${bundleRefusalKey(refusal)}`;
  return { what: t(`${key}.what`, values), next: t(`${key}.next`, values) };
}
