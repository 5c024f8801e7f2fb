import { useCallback, useMemo } from 'react';
import { termLabel } from '@shared/vocab/vocabulary';
import { useLocaleFormat } from './useLocaleFormat';

/**
 * A jurisdiction's country name in the interface language ("DE" → "Allemagne" in French), through
 * `Intl.DisplayNames`; the vocabulary's label where Intl has no name for the code.
 */
export function useCountryName(): (code: string) => string {
  const { locale, language } = useLocaleFormat();
  const names = useMemo(() => new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }), [locale]);
  return useCallback(
    (code: string) => {
      try {
        return names.of(code) ?? termLabel('jurisdictions', code, language);
      } catch {
        // A code Intl cannot read (not two letters) is shown as the vocabulary has it.
        return termLabel('jurisdictions', code, language);
      }
    },
    [names, language],
  );
}
