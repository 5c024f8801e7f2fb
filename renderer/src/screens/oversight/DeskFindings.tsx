import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { GrantedFolder } from '@shared/ipc/contract';
import type { TrustStore } from '@shared/offices/trust-store';
import type { ComplianceFinding } from '@shared/oversight/findings/compliance-finding';
import type { ExchangeDeps } from '../../exchange/exchange-deps';
import type { OfficeFindings } from '../../desk/desk-findings';
import { exportRecommendation } from '../../desk/desk-recommendations';
import { endOfDateInput, useLocaleFormat } from '../../components/useLocaleFormat';
import { DestinationPicker } from '../exchange/DestinationPicker';

type Props = {
  readonly offices: readonly OfficeFindings[];
  readonly deps: ExchangeDeps;
  readonly trust: TrustStore;
  readonly now: Date;
};

const findingKey = (f: ComplianceFinding) => `${f.type}|${f.caseRef}|${f.eventHash}`;

/** The compliance findings office by office, and a recommendation to one office about the findings chosen. */
export function DeskFindings({ offices, deps, trust, now }: Props) {
  const { t } = useTranslation();
  const { date } = useLocaleFormat();
  return (
    <section className="report-table no-print" aria-labelledby="desk-findings">
      <h2 id="desk-findings">{t('desk.findings.heading')}</h2>
      <p>{t('desk.findings.intro', { date: date(now.toISOString()) })}</p>
      {offices.length === 0 && <p className="empty">{t('desk.findings.noReports')}</p>}
      {offices.map((office) => (
        <OfficeSection key={office.officeKey} office={office} deps={deps} trust={trust} now={now} />
      ))}
    </section>
  );
}

function OfficeSection({ office, deps, trust, now }: Omit<Props, 'offices'> & { readonly office: OfficeFindings }) {
  const { t } = useTranslation();
  const { date } = useLocaleFormat();
  const id = useId();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [action, setAction] = useState('');
  const [answerBy, setAnswerBy] = useState('');
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const [copyFailed, setCopyFailed] = useState<string | null>(null);
  const toggle = (key: string) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const copy = async (hash: string) => {
    try {
      await navigator.clipboard.writeText(hash);
      setCopied(hash);
      setCopyFailed(null);
    } catch {
      // The clipboard can be refused (a policy, a window without focus): the whole hash is shown to copy by hand.
      setCopied(null);
      setCopyFailed(hash);
    }
  };

  const send = async (folder: GrantedFolder) => {
    setMessage(null);
    const due = endOfDateInput(answerBy);
    const findings = office.findings
      .filter((f) => chosen.has(findingKey(f)))
      .map((f) => ({ type: f.type, caseRef: f.caseRef, eventHash: f.eventHash, dueAt: f.dueAt }));
    if (findings.length === 0) return setMessage({ text: t('desk.recommend.noFindings'), isError: true });
    if (action.trim() === '') return setMessage({ text: t('desk.recommend.noAction'), isError: true });
    if (due === null || Date.parse(due) <= now.getTime())
      return setMessage({ text: t('desk.recommend.answerByPast'), isError: true });
    const result = await exportRecommendation(deps, trust, {
      officeKey: office.officeKey,
      findings,
      action,
      answerBy: due,
      folderToken: folder.folderToken,
    });
    if (!result.ok) {
      const text =
        result.error.code === 'recipient-unverified'
          ? t('desk.recommend.unverified')
          : t('desk.recommend.failed', { message: result.error.message });
      return setMessage({ text, isError: true });
    }
    setChosen(new Set());
    setAction('');
    setAnswerBy('');
    setMessage({ text: t('desk.recommend.sent', { office: office.officeName, folder: folder.path }), isError: false });
  };

  return (
    <section aria-labelledby={`${id}-h`} className="desk-office">
      <h3 id={`${id}-h`}>{office.officeName}</h3>
      <p className="hint">
        {t('desk.findings.fingerprint')} <code>{office.fingerprint}</code>
      </p>
      {office.failed.map((text) => (
        <p key={text} role="alert" className="error">
          {t('desk.findings.exportFailed', { message: text })}
        </p>
      ))}
      {office.findings.length === 0 ? (
        <p className="empty">{t('desk.findings.none')}</p>
      ) : (
        <>
          <table className="data-table">
            <caption>{t('desk.findings.caption', { office: office.officeName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('desk.findings.choose')}</th>
                <th scope="col">{t('desk.findings.type')}</th>
                <th scope="col">{t('desk.findings.case')}</th>
                <th scope="col">{t('desk.findings.due')}</th>
                <th scope="col">{t('desk.findings.event')}</th>
                <th scope="col">{t('desk.findings.source')}</th>
              </tr>
            </thead>
            <tbody>
              {office.findings.map((f) => {
                const key = findingKey(f);
                return (
                  <tr key={key}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t('desk.findings.chooseOne', {
                          type: t(`oversight.findingTypes.${f.type}`),
                          case: f.caseRef,
                        })}
                        checked={chosen.has(key)}
                        onChange={() => toggle(key)}
                      />
                    </td>
                    <th scope="row">{t(`oversight.findingTypes.${f.type}`)}</th>
                    <td>
                      <code>{f.caseRef}</code>
                    </td>
                    <td>{f.dueAt === null ? t('desk.findings.noDue') : date(f.dueAt)}</td>
                    <td>
                      <code title={f.eventHash}>{f.eventHash.slice(0, 12)}…</code>{' '}
                      <Button className="button button--small" onPress={() => void copy(f.eventHash)}>
                        {copied === f.eventHash ? t('desk.findings.copied') : t('desk.findings.copy')}
                      </Button>
                    </td>
                    <td>{f.source}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {copyFailed !== null && (
            <p role="alert" className="error">
              {t('desk.findings.copyFailed')} <code>{copyFailed}</code>
            </p>
          )}
        </>
      )}
      {office.unreadable.length > 0 && (
        <>
          <h4>{t('desk.findings.unreadable')}</h4>
          <ul>
            {office.unreadable.map((u) => (
              <li key={u.caseRef}>
                <code>{u.caseRef}</code>: {u.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {office.findings.length > 0 && (
        <div className="desk-recommend">
          <h4>{t('desk.recommend.heading')}</h4>
          <div className="field">
            <label htmlFor={`${id}-action`}>{t('desk.recommend.action')}</label>
            <textarea id={`${id}-action`} value={action} maxLength={4000} onChange={(e) => setAction(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-by`}>{t('desk.recommend.answerBy')}</label>
            <input id={`${id}-by`} type="date" value={answerBy} onChange={(e) => setAnswerBy(e.target.value)} />
          </div>
          <DestinationPicker
            shell={deps.shell}
            label={t('desk.recommend.destination')}
            onPicked={(folder) => void send(folder)}
            isDisabled={chosen.size === 0}
          />
          <div aria-live="polite">
            {message && <p className={message.isError ? 'error' : 'notice'}>{message.text}</p>}
          </div>
        </div>
      )}
    </section>
  );
}
