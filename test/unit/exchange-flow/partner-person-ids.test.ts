import { describe, expect, it } from 'vitest';
import { caseBundleBody } from '@shared/exchange/bundle-bodies';
import { planImport } from '@shared/exchange/import-plan';
import { defaultSelection } from '@shared/exchange/shared-case';
import { AFFECTED_PERSON_ID } from '@shared/domain/primitives';
import { createOfficeSigner } from '@shared/offices/office-signer';
import { generateOfficeIdentity } from '@shared/offices/office-identity';
import { createOversightExport } from '@shared/oversight/oversight-audit-export';
import { kit, makeContext, requestTo } from '../workflow/workflow-fixtures';
import { asImport, local, makeOffice, receive, send, trustEachOther } from './office-fixtures';

/** Ids a partner might use that name someone: none of them may reach our case, audit trail or oversight export. */
const PARTNER_IDS = ['ana.weber@example.org', 'DE-1985-03-02-WEBER'];

describe('person ids a partner sends', () => {
  it('are replaced by local pseudonyms on import, so the audit trail and the oversight export never carry them', async () => {
    const { context, clock } = makeContext();
    const now = () => clock.ms;
    const a = makeOffice('Bureau of Quiet Harbours', 'DE', now());
    const b = makeOffice('Commission des Ports Calmes', 'FR', now());
    trustEachOther(a, b, now());
    const authorised = requestTo('authorised', context, clock).case;
    const [first, second] = authorised.affectedPeople;
    if (!first || !second) throw new Error('the fixture has two affected people');
    const sent = {
      ...authorised,
      affectedPeople: [
        { ...first, id: PARTNER_IDS[0] ?? '' },
        { ...second, id: PARTNER_IDS[1] ?? '' },
      ],
    };
    const body = caseBundleBody(
      sent,
      { kind: 'request', fields: [...defaultSelection(sent), 'affectedPeople'], evidence: [], message: 'Urgent' },
      undefined,
    );
    if (!body.ok) throw new Error(body.reason);
    const bytes = await send(a, b, 'request', body.body, now(), {
      caseId: sent.id,
      caseRef: sent.references.local,
    });

    const plan = planImport(asImport(await receive(b, bytes, now()), a), local(b, context, [], 'FR-CPC-2026-0001'));
    if (!plan.ok || plan.type !== 'create') throw new Error('expected a new case');
    const people = plan.case.affectedPeople;
    // Names and contacts stay as the partner chose to share them; only the ids are ours.
    expect(people.map((person) => person.name)).toEqual([first.name, second.name]);
    expect(people.map((person) => person.id)).toEqual(['person-00000001', 'person-00000002']);
    expect(people.every((person) => AFFECTED_PERSON_ID.test(person.id))).toBe(true);

    const office = generateOfficeIdentity(kit);
    const file = new TextDecoder().decode(
      createOversightExport(
        kit,
        {
          office: { name: 'Commission des Ports Calmes', jurisdiction: 'FR' },
          scope: { kind: 'cases', caseIds: [plan.case.id] },
          trails: [{ caseId: plan.case.id, head: plan.case.audit, events: plan.events }],
          certificates: [],
          now: new Date(now()).toISOString(),
        },
        createOfficeSigner(kit, office),
      ),
    );
    // Our copy of the case and its audit trail: what every later audit event and export is made from.
    const stored = JSON.stringify({ case: plan.case, events: plan.events });
    for (const partnerId of PARTNER_IDS) {
      expect(stored).not.toContain(partnerId);
      expect(file).not.toContain(partnerId);
    }
  });
});
