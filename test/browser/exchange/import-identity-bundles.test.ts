import { beforeAll, describe, expect, it } from 'vitest';
import { toHex } from '@shared/bytes/bytes';
import type { JsonValue } from '@shared/json/canonical-json';
import { createRevocation } from '@shared/offices/revocation';
import type { TrustStore } from '@shared/offices/trust-store';
import { prepareImport } from '../../../renderer/src/exchange/import-bundle';
import { initI18n } from '../../../renderer/src/i18n/i18n';
import { DAY, makeOffice, T0, type TestOffice } from '../../unit/bundle/bundle-fixtures';
import { craftBundle } from '../../unit/bundle/bundle-tamper';
import { withCard } from '../../support/office-cards';
import { kit } from '../vault/vault-test-kit';
import { receivingOffice } from './receiving-office';
import { signingOffice } from '@shared/offices/signing-office';

beforeAll(async () => {
  await initI18n('en');
});

const evidence = new Uint8Array(300_000).map((_, i) => (i * 13 + 5) & 255);

/** A public identity bundle (key card or revocation) that also carries an attachment, signed by `from`. */
function identityBundleWithAttachment(from: TestOffice, body: { [key: string]: JsonValue }, kind: string) {
  return craftBundle(kit, {
    sender: from,
    recipients: [],
    kind,
    attachments: [evidence],
    content: (bundleId) => ({
      bundleId,
      kind,
      sender: from.card.card.signingKey,
      recipients: [],
      createdAt: T0,
      body,
      attachments: [
        {
          name: 'payload.bin',
          mediaType: 'application/octet-stream',
          size: evidence.length,
          blake2b256: toHex(kit.hash(evidence, 32)),
        },
      ],
    }),
  }).bytes;
}

describe('identity bundles from untrusted offices', () => {
  const mallory = makeOffice(kit, 4, 'Office Elsewhere', 'IT');
  const carol = makeOffice(kit, 3, 'Office Madrid', 'ES');
  const cases: { what: string; file: Uint8Array; trust: TrustStore }[] = [
    {
      what: 'a key card from an unknown office',
      file: identityBundleWithAttachment(mallory, { card: JSON.parse(JSON.stringify(mallory.card)) }, 'key-card'),
      trust: {},
    },
    {
      what: 'a revocation from an unverified office',
      file: identityBundleWithAttachment(
        carol,
        {
          revocation: JSON.parse(
            JSON.stringify(createRevocation(signingOffice(kit, carol.identity).signer, 'retired', T0)),
          ),
        },
        'revocation',
      ),
      trust: withCard(kit, {}, carol.card, T0 - DAY, false),
    },
  ];

  it.each(cases)(
    '$what carrying an attachment is refused at its header: not one byte is staged in the vault',
    async ({ file, trust }) => {
      const office = await receivingOffice('import-identity-attachment', T0 + DAY, new Map([['file-1', file]]));
      const prepared = await prepareImport(office.deps, trust, { fileToken: 'file-1', name: 'identity.cbundle' });
      // Soft: a failure reports both what was staged and how the import ended.
      expect.soft(office.budget.chunkWrites, 'attachment chunks written while verifying').toBe(0);
      expect(prepared).toMatchObject({ status: 'refused', code: 'BUNDLE_MALFORMED' });
      if (prepared.status === 'refused') expect(prepared.message).toContain('carries no attachments');
      expect(await office.counts()).toEqual({ chunks: 0, attachments: 0, cases: 0, events: 0, ledger: 0 });
    },
  );
});
