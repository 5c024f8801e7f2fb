import type { DocumentOptions } from '@shared/notices/notice-document';
import type { OfficeProfile } from '../vault/records/office-profile';

/** The sender block and the signer of a printed notice or letter: the office's letterhead and the person signed in. */
export function letterheadOptions(
  profile: OfficeProfile | null,
  signerName: string | null,
): Pick<DocumentOptions, 'officeName' | 'letterhead' | 'signer'> {
  const letterhead = {
    ...(profile?.postalAddress ? { postalAddress: profile.postalAddress } : {}),
    ...(profile?.email ? { email: profile.email } : {}),
    ...(profile?.phone ? { phone: profile.phone } : {}),
  };
  return { officeName: profile?.officeName ?? '', letterhead, ...(signerName ? { signer: signerName } : {}) };
}
