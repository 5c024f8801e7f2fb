import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  buildDeadlineCalendar,
  upcomingDeadlineEvents,
  type CalendarDeadline,
} from '@shared/calendar/deadline-calendar';
import type { Case } from '@shared/domain/case';
import { summariseCase } from '@shared/workflow/case-summary';
import { useCases } from '../../cases/CasesProvider';
import { useProcedureWords } from '../../components/useProcedureWords';

/**
 * "Export deadlines to a calendar": the open deadlines still to come, as an .ics file saved where the user chooses.
 * Events carry the case reference and the deadline label only: a case title may name a person.
 */
export function ExportDeadlinesButton({ cases }: { readonly cases: readonly Case[] }) {
  const { t } = useTranslation();
  const { shell } = useCases();
  const words = useProcedureWords();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ readonly text: string; readonly isError: boolean } | null>(null);

  const save = async () => {
    setBusy(true);
    setMessage(null);
    const nowMs = Date.now();
    const options = {
      nowMs,
      summary: (reference: string, deadline: CalendarDeadline) =>
        t(deadline.actingParty === 'partner' ? 'calendar.summaryPartner' : 'calendar.summary', {
          reference,
          label: words.period(deadline.period, deadline.label),
        }),
    };
    const summaries = cases.map(summariseCase);
    const count = upcomingDeadlineEvents(summaries, options).length;
    if (count === 0) {
      setBusy(false);
      setMessage({ text: t('calendar.none'), isError: false });
      return;
    }
    const bytes = new TextEncoder().encode(buildDeadlineCalendar(summaries, options));
    const day = new Date(nowMs).toISOString().slice(0, 10);
    const saved = await shell.document.saveFile({ suggestedName: `casebridge-deadlines-${day}.ics`, bytes });
    setBusy(false);
    if (!saved.ok) setMessage({ text: t('calendar.failed'), isError: true });
    else if (saved.value !== null)
      setMessage({ text: t('calendar.saved', { count, name: saved.value.name }), isError: false });
  };

  return (
    <div className="calendar-export">
      <Button className="button button--quiet" isDisabled={busy} onPress={() => void save()}>
        {t('calendar.export')}
      </Button>
      <p className="field__help">{t('calendar.help')}</p>
      <p role="status" className={message?.isError ? 'error' : 'field__help'}>
        {message?.text ?? ''}
      </p>
    </div>
  );
}
