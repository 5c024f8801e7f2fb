import { useTranslation } from 'react-i18next';
import { toByteUnit } from './format-bytes';

export function useFormatBytes(): (bytes: number | null) => string {
  const { t, i18n } = useTranslation();
  return (bytes) => {
    if (bytes === null) return t('units.unknown');
    const { value, unit } = toByteUnit(bytes);
    return t(`units.${unit}`, { value: new Intl.NumberFormat(i18n.language).format(value) });
  };
}
