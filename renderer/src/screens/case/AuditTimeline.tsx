import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ChainVerification } from '@shared/audit/audit-chain';
import type { AuditEvent } from '@shared/audit/audit-event';
import { isOfficeActor, type EventSignatureVerdict } from '@shared/audit/event-signature';
import { carriesPartnerPersonId } from '@shared/audit/partner-person-ids';
import { officeOfActor } from '@shared/exchange/exchange-actors';
import { useCases } from '../../cases/CasesProvider';
import { useExchange } from '../../exchange/ExchangeProvider';
import { useLocaleFormat } from '../../components/useLocaleFormat';

/**
 * The case's hash-chained audit trail as a timeline, with "verify chain": a clear pass (with how many events their
 * people signed), or the first broken or forged event, naming the person a forged one claims.
 */
export function AuditTimeline({ caseId, events }: { readonly caseId: string; readonly events: readonly AuditEvent[] }) {
  const { t } = useTranslation();
  const { repository, people, nameOf } = useCases();
  const { trust } = useExchange();
  const { dateTime, number } = useLocaleFormat();
  /** Who did a step, by name; events from before personal signing name only the role the laptop was set to. */
  const actorWords = (event: AuditEvent) => {
    const role = t(`roles.${event.actor.role}`, { defaultValue: event.actor.role });
    if (event.formatVersion === 1) return t('audit.byBeforePersons', { role });
    if (isOfficeActor(event.actor.id)) {
      // Named as the partner list knows it; an office since removed from the list by a fragment of its key.
      const office = officeOfActor(trust, event.actor.id)?.card.card;
      const known = office ? `${office.name} (${office.jurisdiction})` : null;
      const unknown = t('audit.unlistedOffice', { key: event.actor.id.slice(-16, -8) });
      return t('audit.byOffice', { office: known ?? unknown, name: nameOf(event.signedBy) });
    }
    const person = people.find((p) => p.id === event.actor.id);
    if (!person) return t('audit.byPerson', { name: event.actor.id, role });
    return person.removedAt
      ? t('audit.byRemoved', { name: person.name, role, date: dateTime(person.removedAt.toISOString()) })
      : t('audit.byPerson', { name: person.name, role });
  };
  const signedWords = (signatures: readonly EventSignatureVerdict[]) => {
    const before = signatures.filter((v) => v.status === 'before-personal-signing').length;
    const signed = signatures.length - before;
    return before === 0
      ? t('audit.allSigned')
      : t('audit.passSigned', { signed: number(signed), before: number(before) });
  };
  const [result, setResult] = useState<ChainVerification | null>(null);
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    setResult(await repository.verify(caseId));
    setBusy(false);
  };
  const brokenIndex = result && !result.ok ? result.index : -1;
  return (
    <section aria-labelledby="audit-title" className="panel audit">
      <div className="section-header">
        <h2 id="audit-title">{t('audit.heading', { count: events.length })}</h2>
        <Button className="button button--quiet" isDisabled={busy} onPress={() => void verify()}>
          {t('audit.verify')}
        </Button>
      </div>
      <div aria-live="polite" data-testid="audit-verdict">
        {result === null ? null : result.ok ? (
          <p className="success">
            {t('audit.pass', { count: number(result.head.count), hash: result.head.headHash.slice(0, 16) })}{' '}
            {signedWords(result.signatures)}
          </p>
        ) : result.claimed ? (
          <p className="error">
            {t('audit.forged', {
              n: result.index + 1,
              name: result.claimed.name ?? result.claimed.personId,
              why: t(`audit.forgedReasons.${result.claimed.reason}`),
            })}
          </p>
        ) : (
          <p className="error">{t('audit.broken', { n: result.index + 1, message: result.message })}</p>
        )}
      </div>
      <ol className="timeline">
        {events.map((event) => (
          <li
            key={event.id}
            className={event.seq === brokenIndex ? 'timeline__event timeline__event--broken' : 'timeline__event'}
          >
            <span className="timeline__when">{dateTime(event.at)}</span>
            <span className="timeline__what">
              <strong>{t(`audit.actions.${event.action}`, { defaultValue: event.action })}</strong>
              {event.fromStage !== event.toStage
                ? ` · ${t(`caseTerms.stage.${event.fromStage}`)} → ${t(`caseTerms.stage.${event.toStage}`)}`
                : ''}
            </span>
            <span className="timeline__who">{actorWords(event)}</span>
            {carriesPartnerPersonId(event) ? (
              <span className="timeline__note" data-testid="partner-person-id">
                {t('audit.partnerPersonId')}
              </span>
            ) : null}
            <span className="timeline__hash mono" title={event.hash}>
              #{event.seq} {event.hash.slice(0, 12)}…
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
