import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCases } from '../../cases/CasesProvider';

type Outcome = { readonly ok: boolean; readonly message: string };

/**
 * Prints the window to PDF through the shell (the print stylesheet leaves only the document) and saves it where
 * the user picks. Shows progress while the shell renders; a cancelled dialog is not an error.
 */
export function useSavePdf() {
  const { t } = useTranslation();
  const { shell } = useCases();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const save = useCallback(
    async (suggestedName: string) => {
      setBusy(true);
      setOutcome(null);
      try {
        const result = await shell.document.savePdf({ suggestedName });
        if (!result.ok) setOutcome({ ok: false, message: t('notice.pdfFailed', { message: result.error.message }) });
        else if (result.value === null) setOutcome({ ok: true, message: t('notice.pdfCancelled') });
        else setOutcome({ ok: true, message: t('notice.pdfSaved', { path: result.value.path }) });
      } finally {
        setBusy(false);
      }
    },
    [shell, t],
  );
  return { busy, outcome, save };
}
