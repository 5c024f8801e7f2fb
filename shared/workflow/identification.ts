import { type Case } from '../domain/case';

/** The data category of a request made only to identify who uses an account or address (e.g. an IP address). */
export const IDENTIFICATION_CATEGORY = 'identification';

/**
 * Whether a case is a request to identify an unknown user: a data-access request for identification data and
 * nothing else. Nobody can be named before the answer, so such a case is authorised without an affected person; the
 * person the response identifies is recorded afterwards (`record-identified-person`), and their notice is then due.
 */
export const seeksOnlyIdentification = (c: Pick<Case, 'kind' | 'dataCategories'>): boolean =>
  c.kind === 'data-access-request' &&
  c.dataCategories.length > 0 &&
  c.dataCategories.every((category) => category.code === IDENTIFICATION_CATEGORY);
