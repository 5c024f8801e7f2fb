import { describe, expect, it } from 'vitest';
import { BUNDLE_ERROR_CODES, type BundleErrorCode } from '@shared/bundle/bundle-error';
import { encodePrologue, HEADER_SIGNATURE_BYTES, PROLOGUE_BYTES } from '@shared/bundle/bundle-layout';
import { concatBytes, fromHex, toHex, utf8 } from '@shared/bytes/bytes';
import { canonicalJsonBytes, type JsonValue } from '@shared/json/canonical-json';
import { memorySink, memorySource } from '@shared/bytes/byte-io';
import { exportKeyCardBundle } from '@shared/bundle/key-card-bundle';
import { applyRevocation, trustView } from '@shared/offices/trust-store';
import { createRevocation } from '@shared/offices/revocation';
import { bytesAttachment, DAY, ledgerOf, requestBody, storeWith, T0, world } from './bundle-fixtures';
import { assemble, craftBundle, editHeader, splitBundle, unwrapAs } from './bundle-tamper';
import { signingOffice } from '@shared/offices/signing-office';

const CHUNK = 65536;
/** A refusal the importer can act on: at least two sentences, the last one telling them what to do. */
const GUIDANCE = /^[A-Z].{15,}[.)] (?:[A-Z(].*)?[A-Za-z).]*\.$/s;

describe('bundle attacks and faults', async () => {
  const w = await world();
  const { kit, alice, bob, carol, mallory } = w;
  const attachment = kit.randomBytes(3 * CHUNK + 100);
  const valid = await w.build('request', requestBody, alice, [bob], {
    chunkSize: CHUNK,
    attachments: [bytesAttachment('evidence.bin', attachment)],
  });
  const parts = splitBundle(valid);
  const bodyStart = PROLOGUE_BYTES + parts.headerBytes.length + HEADER_SIGNATURE_BYTES;
  const payloadSize = (parts.header.items as { size: number }[])[0]?.size ?? 0;
  const payloadCiphertext = 24 + payloadSize + 17;
  const attachmentStart = bodyStart + payloadCiphertext;
  /** Start offsets of each attachment chunk (after its 24-byte stream header). */
  const chunkStarts = [0, 1, 2, 3].map((i) => attachmentStart + 24 + i * (CHUNK + 17));

  async function expectCode(bytes: Uint8Array, code: BundleErrorCode, as: typeof bob | null = bob, overrides = {}) {
    const result = await w.open(bytes, as, overrides);
    expect(result.ok ? 'ok' : result.error.code).toBe(code);
    // Every refusal is shown to the person importing: it says what is wrong and what to do, in whole sentences.
    if (!result.ok) expect(result.error.message).toMatch(GUIDANCE);
  }

  it('opens the untouched bundle (the baseline every attack changes)', async () => {
    const result = await w.open(valid, bob);
    expect(result.ok).toBe(true);
  });

  it('opens a bundle from the independent test writer when it follows every rule (so its attacks are meaningful)', async () => {
    const crafted = craftBundle(kit, {
      sender: alice,
      recipients: [
        { office: bob, sequence: 1 },
        { office: carol, sequence: 2 },
      ],
      attachments: [kit.randomBytes(CHUNK * 2), new Uint8Array(0)],
    });
    expect((await w.open(crafted.bytes, bob)).ok).toBe(true);
    expect((await w.open(crafted.bytes, carol)).ok).toBe(true);
    expect((await w.open(crafted.bytes, null)).ok).toBe(true);
  });

  it('rejects truncation at every boundary, including exactly at a chunk boundary', async () => {
    const boundaries = [
      0,
      1,
      8,
      10,
      13,
      PROLOGUE_BYTES,
      PROLOGUE_BYTES + 10,
      bodyStart - HEADER_SIGNATURE_BYTES,
      bodyStart - 1,
      bodyStart,
      bodyStart + 24,
      attachmentStart,
      attachmentStart + 24,
      ...chunkStarts,
      valid.length - 1,
    ];
    for (const cut of boundaries) {
      const result = await w.open(valid.subarray(0, cut), bob);
      expect(result.ok ? 'ok' : result.error.code, `cut at ${cut}`).toBe('BUNDLE_TRUNCATED');
    }
  });

  it('rejects a stream that ends at a chunk boundary without TAG_FINAL even when sizes and signature agree', async () => {
    const { bytes } = craftBundle(kit, {
      sender: alice,
      recipients: [{ office: bob, sequence: 1 }],
      attachments: [kit.randomBytes(2 * CHUNK)],
      tag: () => 'message',
    });
    await expectCode(bytes, 'BUNDLE_CHUNK_INVALID');
    const early = craftBundle(kit, {
      sender: alice,
      recipients: [{ office: bob, sequence: 1 }],
      attachments: [kit.randomBytes(2 * CHUNK)],
      tag: (item, chunk) => (item === 1 && chunk === 0 ? 'final' : chunk === 1 || item === 0 ? 'final' : 'message'),
    });
    await expectCode(early.bytes, 'BUNDLE_CHUNK_INVALID');
  });

  it('rejects reordered, duplicated and dropped chunks', async () => {
    const chunk = (i: number) => valid.slice(chunkStarts[i], (chunkStarts[i] ?? 0) + CHUNK + 17);
    const swapped = valid.slice();
    swapped.set(chunk(1), chunkStarts[0]);
    swapped.set(chunk(0), chunkStarts[1]);
    await expectCode(swapped, 'BUNDLE_CHUNK_INVALID');
    await expectCode(swapped, 'BUNDLE_ITEM_HASH_MISMATCH', null);
    const duplicated = valid.slice();
    duplicated.set(chunk(0), chunkStarts[1]);
    await expectCode(duplicated, 'BUNDLE_CHUNK_INVALID');
    const dropped = concatBytes(valid.subarray(0, chunkStarts[1]), valid.subarray(chunkStarts[2]));
    await expectCode(dropped, 'BUNDLE_TRUNCATED');
  });

  it('rejects a chunk taken from another bundle between the same offices', async () => {
    const other = await w.build('request', requestBody, alice, [bob], {
      chunkSize: CHUNK,
      attachments: [bytesAttachment('evidence.bin', attachment)],
    });
    const spliced = valid.slice();
    spliced.set(other.subarray(chunkStarts[1], (chunkStarts[1] ?? 0) + CHUNK + 17), chunkStarts[1]);
    await expectCode(spliced, 'BUNDLE_CHUNK_INVALID');
  });

  it('rejects trailing bytes, even a whole extra chunk', async () => {
    await expectCode(concatBytes(valid, new Uint8Array([0])), 'BUNDLE_TRAILING_DATA');
    await expectCode(
      concatBytes(valid, valid.subarray(chunkStarts[0], (chunkStarts[0] ?? 0) + CHUNK + 17)),
      'BUNDLE_TRAILING_DATA',
    );
  });

  it('rejects a changed value in every header field (signature no longer matches)', async () => {
    const edits: Record<string, (value: JsonValue) => JsonValue> = {
      bundleId: (v) => flipHex(String(v)),
      sender: () => mallory.card.card.signingKey,
      kind: () => 'decision',
      createdAt: (v) => Number(v) - 1000,
      notAfter: (v) => Number(v) + 1000,
      chunkSize: () => CHUNK * 2,
      items: (v) =>
        (v as { size: number; hash: string }[]).map((item, i) =>
          i === 1 ? { ...item, hash: flipHex(item.hash) } : item,
        ),
      recipients: (v) =>
        (v as { signingKey: string; sequence: number; wrap: string }[]).map((entry) => ({
          ...entry,
          sequence: entry.sequence + 1,
        })),
      suite: (v) => v,
      version: (v) => v,
    };
    for (const [field, edit] of Object.entries(edits)) {
      if (field === 'suite' || field === 'version') continue;
      const tampered = editHeader(
        kit,
        valid,
        (header) => {
          header[field] = edit(header[field] ?? null);
        },
        null,
      );
      const result = await w.open(tampered, bob);
      expect(result.ok ? 'ok' : result.error.code, field).toMatch(
        /BUNDLE_SIGNATURE_INVALID|BUNDLE_TRUNCATED|BUNDLE_TRAILING_DATA/,
      );
    }
    const wraps = editHeader(
      kit,
      valid,
      (header) => {
        const [entry] = header.recipients as { wrap: string }[];
        if (entry) entry.wrap = flipHex(entry.wrap);
      },
      null,
    );
    await expectCode(wraps, 'BUNDLE_SIGNATURE_INVALID');
  });

  // Deterministic (every byte, one flip each); only time could fail it: about 1.4 s quiet, over 20 s on a loaded machine.
  it('rejects a bit flip in every byte of prologue, header and signature with a defined class', async () => {
    const expectedAt = (position: number): BundleErrorCode[] => {
      if (position < 8) return ['BUNDLE_MALFORMED'];
      if (position < 10) return ['BUNDLE_VERSION_UNSUPPORTED'];
      if (position < PROLOGUE_BYTES)
        return [
          'BUNDLE_LIMIT_EXCEEDED',
          'BUNDLE_TRUNCATED',
          'BUNDLE_MALFORMED',
          'BUNDLE_NONCANONICAL',
          'BUNDLE_TRAILING_DATA',
        ];
      if (position >= bodyStart - HEADER_SIGNATURE_BYTES) return ['BUNDLE_SIGNATURE_INVALID'];
      return [
        'BUNDLE_MALFORMED',
        'BUNDLE_NONCANONICAL',
        'BUNDLE_SIGNATURE_INVALID',
        'BUNDLE_VERSION_UNSUPPORTED',
        'BUNDLE_ALGORITHM_UNSUPPORTED',
        'BUNDLE_LIMIT_EXCEEDED',
        'BUNDLE_TRUNCATED',
        'BUNDLE_TRAILING_DATA',
      ];
    };
    for (let position = 0; position < bodyStart; position++) {
      const flipped = valid.slice();
      flipped[position] = (flipped[position] ?? 0) ^ 0x01;
      const result = await w.open(flipped, bob);
      expect(result.ok, `flip at ${position}`).toBe(false);
      if (!result.ok)
        expect(expectedAt(position), `flip at ${position}: ${result.error.code}`).toContain(result.error.code);
    }
  }, 120_000);

  it('rejects a bit flip in stream headers, chunk bodies and MACs of every item', async () => {
    const positions = [
      bodyStart,
      bodyStart + 23,
      bodyStart + 24,
      bodyStart + payloadCiphertext - 1,
      attachmentStart,
      attachmentStart + 30,
      ...chunkStarts.map((start) => start + 5),
      valid.length - 1,
    ];
    for (const position of positions) {
      const flipped = valid.slice();
      flipped[position] = (flipped[position] ?? 0) ^ 0x80;
      await expectCode(flipped, 'BUNDLE_CHUNK_INVALID');
      await expectCode(flipped, 'BUNDLE_ITEM_HASH_MISMATCH', null);
    }
  });

  it('rejects duplicate JSON keys and every other non-canonical header encoding, even when signed', async () => {
    const text = new TextDecoder().decode(parts.headerBytes);
    const variants: [string, string][] = [
      ['duplicate key', text.replace('{"bundleId"', `{"bundleId":"${String(parts.header.bundleId)}","bundleId"`)],
      ['whitespace', text.replace('{"bundleId":', '{ "bundleId":')],
      ['key order', text.replace(/^\{("bundleId":"[0-9a-f]+"),("chunkSize":\d+),/, '{$2,$1,')],
      ['escaped character', text.replace('"kind":"request"', '"kind":"\\u0072equest"')],
      ['fraction', text.replace(/"chunkSize":(\d+)/, '"chunkSize":$1.0')],
      ['exponent', text.replace(/"chunkSize":65536/, '"chunkSize":65536e0')],
      ['leading zero', text.replace(/"chunkSize":65536/, '"chunkSize":065536')],
      ['trailing newline', `${text}\n`],
    ];
    for (const [label, variant] of variants) {
      expect(variant, label).not.toBe(text);
      const bytes = assemble(kit, utf8(variant), parts.body, alice.identity);
      const result = await w.open(bytes, bob);
      expect(result.ok ? 'ok' : result.error.code, label).toMatch(/BUNDLE_NONCANONICAL|BUNDLE_MALFORMED/);
    }
    const duplicate = assemble(kit, utf8(variants[0]?.[1] ?? ''), parts.body, alice.identity);
    await expectCode(duplicate, 'BUNDLE_NONCANONICAL');
    const nonNfc = assemble(
      kit,
      utf8(text.replace('"items":', '"extensions":{"note":"Cafe\u0301"},"items":')),
      parts.body,
      alice.identity,
    );
    await expectCode(nonNfc, 'BUNDLE_NONCANONICAL');
    const nfc = assemble(
      kit,
      utf8(text.replace('"items":', '"extensions":{"note":"Caf\u00e9"},"items":')),
      parts.body,
      alice.identity,
    );
    expect((await w.open(nfc, bob)).ok).toBe(true);
    const upperHex = assemble(
      kit,
      utf8(text.replace(String(parts.header.bundleId), String(parts.header.bundleId).toUpperCase())),
      parts.body,
      alice.identity,
    );
    await expectCode(upperHex, 'BUNDLE_MALFORMED');
    const unsortedRecipients = craftBundle(kit, {
      sender: alice,
      recipients: [
        { office: bob, sequence: 1 },
        { office: carol, sequence: 1 },
      ],
      editHeader: (header) => (header.recipients as JsonValue[]).reverse(),
    });
    await expectCode(unsortedRecipients.bytes, 'BUNDLE_NONCANONICAL');
  });

  it('rejects unknown versions, algorithms, critical extensions and unknown fields; ignores non-critical extensions', async () => {
    await expectCode(assemble(kit, parts.headerBytes, parts.body, alice.identity, 2), 'BUNDLE_VERSION_UNSUPPORTED');
    await expectCode(
      editHeader(kit, valid, (h) => void (h.version = 2), alice.identity),
      'BUNDLE_VERSION_UNSUPPORTED',
    );
    await expectCode(
      editHeader(kit, valid, (h) => void (h.suite = 'cb1:rsa'), alice.identity),
      'BUNDLE_ALGORITHM_UNSUPPORTED',
    );
    await expectCode(
      editHeader(kit, valid, (h) => void (h.extensions = { '!compression': 'zstd' }), alice.identity),
      'BUNDLE_CRITICAL_EXTENSION_UNKNOWN',
    );
    await expectCode(
      editHeader(kit, valid, (h) => void (h.surprise = 1), alice.identity),
      'BUNDLE_MALFORMED',
    );
    const withNote = editHeader(
      kit,
      valid,
      (h) => void (h.extensions = { 'courier-note': 'blue envelope' }),
      alice.identity,
    );
    expect((await w.open(withNote, bob)).ok).toBe(true);
  });

  it('rejects an oversized header, huge counts and sizes before allocating, and sizes that lie', async () => {
    const huge = concatBytes(encodePrologue(1024 * 1024 + 1), new Uint8Array(10));
    await expectCode(huge, 'BUNDLE_LIMIT_EXCEEDED');
    const maxDeclared = concatBytes(encodePrologue(0xffffffff), new Uint8Array(10));
    await expectCode(maxDeclared, 'BUNDLE_LIMIT_EXCEEDED');
    await expectCode(concatBytes(encodePrologue(1000), new Uint8Array(10)), 'BUNDLE_TRUNCATED');
    const fakeKey = 'ab'.repeat(32);
    await expectCode(
      editHeader(
        kit,
        valid,
        (h) =>
          void (h.recipients = Array.from({ length: 17 }, (_, i) => ({
            signingKey: fakeKey.slice(0, 62) + i.toString(16).padStart(2, '0'),
            sequence: 1,
            wrap: '00'.repeat(88),
          }))),
        alice.identity,
      ),
      'BUNDLE_LIMIT_EXCEEDED',
    );
    await expectCode(
      editHeader(
        kit,
        valid,
        (h) => void (h.items = Array.from({ length: 258 }, () => ({ size: 0, hash: '00'.repeat(64) }))),
        alice.identity,
      ),
      'BUNDLE_LIMIT_EXCEEDED',
    );
    await expectCode(
      editHeader(kit, valid, (h) => void (h.chunkSize = 1024), alice.identity),
      'BUNDLE_LIMIT_EXCEEDED',
    );
    await expectCode(
      editHeader(
        kit,
        valid,
        (h) => void ((h.items as { size: number }[])[1] = { size: 2 ** 41, hash: '00'.repeat(64) } as never),
        alice.identity,
      ),
      'BUNDLE_LIMIT_EXCEEDED',
    );
    await expectCode(
      editHeader(
        kit,
        valid,
        (h) => void ((h.items as { size: number }[])[0] = { size: 17 * 1024 * 1024, hash: '00'.repeat(64) } as never),
        alice.identity,
      ),
      'BUNDLE_LIMIT_EXCEEDED',
    );
    // Declared sizes that disagree with the file, even when correctly signed.
    const bigger = editHeader(
      kit,
      valid,
      (h) =>
        void ((h.items as { size: number }[])[1] = {
          ...(h.items as { size: number; hash: string }[])[1],
          size: attachment.length + 1,
        } as never),
      alice.identity,
    );
    await expectCode(bigger, 'BUNDLE_TRUNCATED');
    const smaller = editHeader(
      kit,
      valid,
      (h) =>
        void ((h.items as { size: number }[])[1] = {
          ...(h.items as { size: number; hash: string }[])[1],
          size: attachment.length - 1,
        } as never),
      alice.identity,
    );
    await expectCode(smaller, 'BUNDLE_TRAILING_DATA');
  });

  it('rejects a stripped or zeroed signature', async () => {
    const stripped = concatBytes(valid.subarray(0, bodyStart - HEADER_SIGNATURE_BYTES), valid.subarray(bodyStart));
    await expectCode(stripped, 'BUNDLE_TRUNCATED');
    await expectCode(assemble(kit, parts.headerBytes, parts.body, new Uint8Array(64)), 'BUNDLE_SIGNATURE_INVALID');
    await expectCode(
      assemble(kit, parts.headerBytes, parts.body, new Uint8Array(64)),
      'BUNDLE_SIGNATURE_INVALID',
      null,
    );
  });

  it('rejects an unknown, unverified or revoked signer, naming the fingerprint to compare', async () => {
    await expectCode(valid, 'BUNDLE_SIGNER_UNKNOWN', bob, { trust: trustView(storeWith(kit, [carol])) });
    const unverified = await w.open(valid, bob, { trust: trustView(storeWith(kit, [alice], [alice])) });
    expect(unverified.ok ? 'ok' : unverified.error.code).toBe('BUNDLE_SIGNER_UNVERIFIED');
    if (!unverified.ok) expect(unverified.error.message).toMatch(/compare fingerprint \d{5}( \d{5}){11}/);
    const revoked = applyRevocation(
      kit,
      storeWith(kit, [alice]),
      createRevocation(signingOffice(kit, alice.identity).signer, 'compromised', T0),
      T0,
    );
    if (!revoked.ok) throw new Error(revoked.error.message);
    await expectCode(valid, 'BUNDLE_SIGNER_REVOKED', bob, { trust: trustView(revoked.value.store) });
    await expectCode(valid, 'BUNDLE_SIGNER_EXPIRED', bob, { clock: () => T0 + 366 * DAY });
  });

  it('refuses a bundle re-signed as its own by another trusted office', async () => {
    const resigned = editHeader(kit, valid, (h) => void (h.sender = mallory.card.card.signingKey), mallory.identity);
    await expectCode(resigned, 'BUNDLE_KEY_WRAP_INVALID');
  });

  it('refuses a bundle a recipient forwarded to another office as if sent to it', async () => {
    const aliceBox = fromHex(alice.card.card.boxKey, 32) ?? new Uint8Array();
    const contentKey = unwrapAs(kit, valid, bob, aliceBox);
    const carolBox = fromHex(carol.card.card.boxKey, 32) ?? new Uint8Array();
    const bundleId = fromHex(String(parts.header.bundleId), 16) ?? new Uint8Array();
    const nonce = kit.randomBytes(24);
    const wrap = toHex(
      concatBytes(
        nonce,
        kit.box(concatBytes(bundleId, contentKey), nonce, carolBox, bob.identity.boxPrivateKeyPlaintext),
      ),
    );
    const forwarded = editHeader(
      kit,
      valid,
      (h) => {
        h.sender = bob.card.card.signingKey;
        h.recipients = [{ signingKey: carol.card.card.signingKey, sequence: 1, wrap }];
      },
      bob.identity,
    );
    await expectCode(forwarded, 'BUNDLE_INNER_SIGNATURE_INVALID', carol);
  });

  it('refuses content whose signed recipients, id or kind differ from the header', async () => {
    const otherRecipients = craftBundle(kit, {
      sender: alice,
      recipients: [{ office: bob, sequence: 1 }],
      content: {
        bundleId: '00'.repeat(16),
        kind: 'request',
        sender: alice.card.card.signingKey,
        recipients: [carol.card.card.signingKey],
        createdAt: T0,
        body: { caseRef: 'X', case: {} },
        attachments: [],
      },
    });
    await expectCode(otherRecipients.bytes, 'BUNDLE_INNER_MISMATCH');
  });

  it('refuses a bundle addressed to another office', async () => {
    await expectCode(valid, 'BUNDLE_NOT_FOR_US', carol);
  });

  it('refuses a recipient entry copied from another bundle', async () => {
    const toCarol = await w.build('request', requestBody, alice, [carol], { chunkSize: CHUNK });
    const [bobEntry] = parts.header.recipients as JsonValue[];
    const unsigned = editHeader(kit, toCarol, (h) => void (h.recipients = [bobEntry ?? null]), null);
    await expectCode(unsigned, 'BUNDLE_SIGNATURE_INVALID');
    // Even re-signed by the same sender (a splicing tool with the key), the wrap names the other bundle.
    const resigned = editHeader(kit, toCarol, (h) => void (h.recipients = [bobEntry ?? null]), alice.identity);
    await expectCode(resigned, 'BUNDLE_KEY_WRAP_INVALID');
    const crafted = craftBundle(kit, {
      sender: alice,
      recipients: [{ office: bob, sequence: 1 }],
      wrapBundleId: kit.randomBytes(16),
    });
    await expectCode(crafted.bytes, 'BUNDLE_KEY_WRAP_INVALID');
  });

  it('refuses expired, not-yet-valid and over-long bundles, allowing small clock skew', async () => {
    await expectCode(valid, 'BUNDLE_EXPIRED', bob, { clock: () => T0 + 8 * DAY });
    await expectCode(valid, 'BUNDLE_NOT_YET_VALID', bob, { clock: () => T0 - DAY });
    expect((await w.open(valid, bob, { clock: () => T0 - 5 * 60_000 })).ok).toBe(true);
    expect((await w.open(valid, bob, { clock: () => T0 + 7 * DAY + 5 * 60_000 })).ok).toBe(true);
    await expectCode(valid, 'BUNDLE_LIMIT_EXCEEDED', bob, { policy: { maxValidityMs: DAY, clockSkewMs: 0 } });
    const long = await w.build('request', requestBody, alice, [bob], { notAfter: T0 + 200 * DAY });
    await expectCode(long, 'BUNDLE_LIMIT_EXCEEDED');
  });

  it('draws each time limit at its exact edge: the skew allowance counts, one millisecond more does not', async () => {
    const skew = 10 * 60_000;
    const notAfter = T0 + 7 * DAY;
    expect((await w.open(valid, bob, { clock: () => notAfter + skew })).ok).toBe(true);
    await expectCode(valid, 'BUNDLE_EXPIRED', bob, { clock: () => notAfter + skew + 1 });
    expect((await w.open(valid, bob, { clock: () => T0 - skew })).ok).toBe(true);
    await expectCode(valid, 'BUNDLE_NOT_YET_VALID', bob, { clock: () => T0 - skew - 1 });
    expect((await w.open(valid, bob, { policy: { maxValidityMs: 7 * DAY, clockSkewMs: skew } })).ok).toBe(true);
    const tooLong = await w.open(valid, bob, { policy: { maxValidityMs: 7 * DAY - 1, clockSkewMs: skew } });
    expect(tooLong.ok ? 'ok' : tooLong.error.message).toBe(
      'This bundle is valid for longer than your policy allows (7 days). Ask the sender for an export with a shorter validity.',
    );
    const expired = await w.open(valid, bob, { clock: () => notAfter + skew + 1 });
    expect(expired.ok ? 'ok' : expired.error.message).toBe(
      `This bundle expired at ${new Date(notAfter).toISOString()}. Ask the sender for a fresh export (an administrator may override with a recorded reason).`,
    );
  });

  it('an expiry override moves only the expiry check, up to its limit, and keeps the signer’s card at the real time', async () => {
    const skew = 10 * 60_000;
    const notAfter = T0 + 7 * DAY;
    const expiryOverride = { maxPastExpiryMs: 30 * DAY };
    expect((await w.open(valid, bob, { clock: () => notAfter + skew + 30 * DAY, expiryOverride })).ok).toBe(true);
    await expectCode(valid, 'BUNDLE_EXPIRED', bob, { clock: () => notAfter + skew + 30 * DAY + 1, expiryOverride });
    const tooOld = await w.open(valid, bob, { clock: () => notAfter + 100 * DAY, expiryOverride });
    expect(tooOld.ok ? 'ok' : tooOld.error.message).toBe(
      `This bundle expired at ${new Date(notAfter).toISOString()}, more than 30 days ago: too long ago to import, even with a recorded reason. Ask the sender for a fresh export.`,
    );
    // Alice's card ends at T0 + 365 days: a generous override still does not bring it back.
    await expectCode(valid, 'BUNDLE_SIGNER_EXPIRED', bob, {
      clock: () => T0 + 366 * DAY,
      expiryOverride: { maxPastExpiryMs: 400 * DAY },
    });
  });

  it('refuses a replayed bundle id and a sequence number not above the last one', async () => {
    const sender = alice.card.card.signingKey;
    await expectCode(valid, 'BUNDLE_REPLAYED', bob, {
      ledger: ledgerOf([[sender, String(parts.header.bundleId)]], {}),
    });
    await expectCode(valid, 'BUNDLE_SEQUENCE_OLD', bob, { ledger: ledgerOf([], { [sender]: 1 }) });
    await expectCode(valid, 'BUNDLE_SEQUENCE_OLD', bob, { ledger: ledgerOf([], { [sender]: 5 }) });
    const next = await w.build('request', requestBody, alice, [bob], { sequence: 6 });
    expect((await w.open(next, bob, { ledger: ledgerOf([], { [sender]: 5 }) })).ok).toBe(true);
    const old = await w.open(valid, bob, { ledger: ledgerOf([], { [sender]: 1 }) });
    expect(old.ok ? 'ok' : old.error.message).toBe(
      'This bundle is older (number 1) than one already imported from the same office (number 1). It may be a stale or replayed copy: ask the sender whether it is still current.',
    );
    const again = await w.open(valid, bob, { ledger: ledgerOf([[sender, String(parts.header.bundleId)]], {}) });
    expect(again.ok ? 'ok' : again.error.message).toBe(
      'This bundle was already imported; nothing was changed. You can safely remove it.',
    );
  });

  it('refuses a public bundle (a key card) imported twice, as for any other', async () => {
    const sink = memorySink();
    const built = await exportKeyCardBundle(kit, signingOffice(kit, alice.identity), alice.card, T0, sink);
    if (!built.ok) throw new Error(built.error.message);
    const bytes = sink.bytes();
    const publicId = String(splitBundle(bytes).header.bundleId);
    const sender = alice.card.card.signingKey;
    const first = await w.open(bytes, bob);
    expect(first.ok ? 'ok' : first.error.message).toBe('ok');
    await expectCode(bytes, 'BUNDLE_REPLAYED', bob, { ledger: ledgerOf([[sender, publicId]], {}) });
    await expectCode(bytes, 'BUNDLE_REPLAYED', null, { ledger: ledgerOf([[sender, publicId]], {}) });
  });

  it('refuses a key card or revocation that carries attachments at its header, before any plaintext is emitted', async () => {
    const file = kit.randomBytes(300_000);
    const descriptor = { name: 'a.bin', mediaType: 'application/octet-stream', size: file.length };
    const identityBundle = (from: typeof alice, to: (typeof alice)[], kind: string, body: JsonValue) =>
      craftBundle(kit, {
        sender: from,
        recipients: to.map((office) => ({ office, sequence: 1 })),
        kind,
        attachments: [file],
        content: (bundleId) => ({
          bundleId,
          kind,
          sender: from.card.card.signingKey,
          recipients: to.map((office) => office.card.card.signingKey),
          createdAt: T0,
          body,
          attachments: [{ ...descriptor, blake2b256: toHex(kit.hash(file, 32)) }],
        }),
      }).bytes;
    const asJson = (value: unknown): JsonValue => JSON.parse(JSON.stringify(value));
    const keyCard = identityBundle(mallory, [], 'key-card', { card: asJson(mallory.card) });
    const revocation = createRevocation(signingOffice(kit, carol.identity).signer, 'retired', T0);
    const publicRevocation = identityBundle(carol, [], 'revocation', { revocation: asJson(revocation) });
    const addressedRevocation = identityBundle(carol, [bob], 'revocation', { revocation: asJson(revocation) });
    // Mallory unknown, Carol unverified: the trust that would otherwise stop an attachment is not there to stop it.
    const untrusted = { trust: trustView(storeWith(kit, [alice, bob, carol], [carol])) };
    for (const [bytes, as] of [
      [keyCard, null],
      [keyCard, bob],
      [publicRevocation, bob],
      [addressedRevocation, bob],
    ] as const) {
      let emitted = 0;
      const result = await w.open(bytes, as, {
        ...untrusted,
        openAttachment: () => ({
          write: (plaintext: Uint8Array) => {
            emitted += plaintext.length;
            return Promise.resolve();
          },
        }),
      });
      expect(result.ok ? 'ok' : result.error.message).toMatch(/carries no attachments/);
      expect(emitted).toBe(0);
      await expectCode(bytes, 'BUNDLE_MALFORMED', as, untrusted);
    }
    // The writer never makes one.
    const built = await w
      .build('key-card', { card: alice.card }, alice, [], {
        attachments: [bytesAttachment('a.bin', file)],
      })
      .catch((caught: unknown) => (caught instanceof Error ? caught.message : 'thrown'));
    expect(built).toBe('Cannot build the bundle: a key-card bundle carries no attachments.');
  });

  it('classifies I/O failures of the source and of an attachment sink', async () => {
    const failing = { size: valid.length, read: () => Promise.reject(new Error('EIO')) };
    await expectCode(valid, 'BUNDLE_IO_FAILED', bob, { source: failing });
    const short = {
      size: valid.length,
      read: (offset: number, length: number) => memorySource(valid).read(offset, Math.max(0, length - 1)),
    };
    await expectCode(valid, 'BUNDLE_TRUNCATED', bob, { source: short });
    await expectCode(valid, 'BUNDLE_IO_FAILED', bob, {
      openAttachment: () => ({ write: () => Promise.reject(new Error('ENOSPC')) }),
    });
  });

  it('refuses an attachment whose plaintext differs from its signed hash, and a payload that is not canonical', async () => {
    const data = kit.randomBytes(1000);
    const content = (bundleId: string) => ({
      bundleId,
      kind: 'request',
      sender: alice.card.card.signingKey,
      recipients: [bob.card.card.signingKey],
      createdAt: T0,
      body: { caseRef: 'X', case: {} },
      attachments: [{ name: 'a', mediaType: 'text/plain', size: 1000, blake2b256: '00'.repeat(32) }],
    });
    const crafted = craftBundle(kit, {
      sender: alice,
      recipients: [{ office: bob, sequence: 1 }],
      attachments: [data],
      content,
    });
    const result = await w.open(crafted.bytes, bob);
    expect(result.ok ? 'ok' : result.error.code).toBe('BUNDLE_ATTACHMENT_MISMATCH');
    const wrongCount = craftBundle(kit, {
      sender: alice,
      recipients: [{ office: bob, sequence: 1 }],
      attachments: [data, data],
      content,
    });
    await expectCode(wrongCount.bytes, 'BUNDLE_ATTACHMENT_MISMATCH');
    const payloadBytes = utf8('{"content": {}, "signature": ""}');
    await expectCode(
      craftBundle(kit, { sender: alice, recipients: [{ office: bob, sequence: 1 }], payloadBytes }).bytes,
      'BUNDLE_NONCANONICAL',
    );
    await expectCode(
      craftBundle(kit, { sender: alice, recipients: [{ office: bob, sequence: 1 }], payloadBytes: utf8('not json') })
        .bytes,
      'BUNDLE_PAYLOAD_INVALID',
    );
    await expectCode(
      craftBundle(kit, {
        sender: alice,
        recipients: [{ office: bob, sequence: 1 }],
        payloadBytes: canonicalJsonBytes({ content: {}, signature: '00' }),
      }).bytes,
      'BUNDLE_PAYLOAD_INVALID',
    );
  });

  it('only ever reports codes from the published list', () => {
    expect(new Set(BUNDLE_ERROR_CODES).size).toBe(BUNDLE_ERROR_CODES.length);
  });
});

function flipHex(hex: string): string {
  const first = hex.charAt(0);
  return (first === 'a' ? 'b' : 'a') + hex.slice(1);
}
