import { useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useCases } from '../cases/CasesProvider';
import { Field } from './Field';

const LIMITS = { postalAddress: 500, email: 200, phone: 60 } as const;

/**
 * How a person who receives a notice or a decision letter reaches the office: the postal address, email and phone
 * printed under the office name. An administrator keeps it; every notice made afterwards carries it.
 */
export function OfficeLetterheadPanel() {
  const { t } = useTranslation();
  const { profile, person, saveProfile } = useCases();
  const [postalAddress, setPostalAddress] = useState(profile?.postalAddress ?? '');
  const [email, setEmail] = useState(profile?.email ?? '');
  const [phone, setPhone] = useState(profile?.phone ?? '');
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const isAdministrator = person?.roles.includes('administrator') ?? false;
  if (!profile) return null;
  const tooLong =
    postalAddress.trim().length > LIMITS.postalAddress ||
    email.trim().length > LIMITS.email ||
    phone.trim().length > LIMITS.phone;
  const emailInvalid = email.trim() !== '' && !/^[^\s@]+@[^\s@]+$/.test(email.trim());
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (tooLong || emailInvalid) {
      setStatus({ ok: false, message: t(emailInvalid ? 'letterhead.emailInvalid' : 'letterhead.tooLong') });
      return;
    }
    const error = await saveProfile({
      ...profile,
      postalAddress: postalAddress.trim(),
      email: email.trim(),
      phone: phone.trim(),
    });
    setStatus(error === null ? { ok: true, message: t('work.saved') } : { ok: false, message: error });
  };
  return (
    <section aria-labelledby="letterhead-title" className="vault-settings" data-testid="letterhead">
      <h2 id="letterhead-title">{t('letterhead.heading')}</h2>
      <p className="field__help">{t('letterhead.help')}</p>
      {isAdministrator ? (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Field
            label={t('letterhead.postalAddress')}
            multiline
            rows={3}
            value={postalAddress}
            onChange={setPostalAddress}
          />
          <Field
            label={t('letterhead.email')}
            value={email}
            onChange={setEmail}
            error={emailInvalid ? t('letterhead.emailInvalid') : null}
          />
          <Field label={t('letterhead.phone')} value={phone} onChange={setPhone} />
          <Button type="submit" className="button">
            {t('letterhead.save')}
          </Button>
        </form>
      ) : (
        <p className="field__help">{t('letterhead.adminOnly')}</p>
      )}
      <p role="status" className={status?.ok === false ? 'error' : 'field__help'}>
        {status?.message ?? ''}
      </p>
    </section>
  );
}
