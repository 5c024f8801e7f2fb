/**
 * The file name of our exported key card: the office name (plain ASCII, so any file system takes it) and the first
 * fingerprint groups, so a person can tell whose card a file is and match it against the digits read out.
 */
export function keyCardFileName(officeName: string, fingerprint: readonly string[], bundleId: string): string {
  return officeFileName('key-card', officeName, fingerprint, bundleId);
}

/** The file name of our revocation of a key: like a key card's, with the revoked key's fingerprint groups. */
export function revocationFileName(officeName: string, fingerprint: readonly string[], bundleId: string): string {
  return officeFileName('revocation', officeName, fingerprint, bundleId);
}

function officeFileName(kind: string, officeName: string, fingerprint: readonly string[], bundleId: string): string {
  const office = officeName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  const prefix = fingerprint.slice(0, 2).join('-');
  return `casebridge-${kind}-${office ? `${office}-` : ''}${prefix}-${bundleId.slice(0, 8)}.cbundle`;
}
