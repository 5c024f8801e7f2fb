import { describe, expect, it } from 'vitest';
import { type CaseStore, applyAction, openAndStore } from '@shared/workflow/case-store';
import { transition } from '@shared/workflow/transition';
import { alice, completeDraftChanges, makeContext, rita } from './workflow-fixtures';

const input = {
  id: 'case-1',
  reference: 'DE-BFDI-2026-0001',
  kind: 'data-access-request' as const,
  title: 'T',
  originatingJurisdiction: 'DE',
};

/**
 * The behaviour every CaseStore must show. The vault's store can run the same suite (from a browser test, with a
 * fresh vault per `makeStore` call), so the port and its implementations cannot drift apart.
 */
export function describeCaseStoreContract(name: string, makeStore: () => Promise<CaseStore> | CaseStore): void {
  describe(`CaseStore contract: ${name}`, () => {
    it('stores each transition with its audit event, and the trail verifies', async () => {
      const { context, clock } = makeContext();
      const store = await makeStore();
      expect((await openAndStore(store, input, alice, context)).ok).toBe(true);
      expect(await openAndStore(store, input, alice, context)).toMatchObject({
        ok: false,
        error: { code: 'case-exists' },
      });
      await applyAction(
        store,
        'case-1',
        alice,
        { type: 'update-draft', changes: completeDraftChanges('data-access-request', clock) },
        context,
      );
      const authorised = await applyAction(store, 'case-1', alice, { type: 'authorise' }, context);
      expect(authorised.ok && authorised.case.stage).toBe('authorised');
      const trail = await store.auditTrail('case-1');
      expect(trail.ok && trail.value.map((e) => e.action)).toEqual(['open-case', 'update-draft', 'authorise']);
      const loaded = await store.load('case-1');
      expect(loaded.ok && loaded.value).toEqual(authorised.ok && authorised.case);
      const summaries = await store.listSummaries();
      expect(summaries.ok && summaries.value.map((s) => [s.caseId, s.stage])).toEqual([['case-1', 'authorised']]);
    });

    it('stores nothing when the workflow refuses, and reports unknown cases', async () => {
      const { context } = makeContext();
      const store = await makeStore();
      await openAndStore(store, input, alice, context);
      expect(await applyAction(store, 'case-1', rita, { type: 'authorise' }, context)).toMatchObject({
        ok: false,
        refusal: { code: 'role-not-permitted' },
      });
      const trail = await store.auditTrail('case-1');
      expect(trail.ok && trail.value).toHaveLength(1);
      expect(await applyAction(store, 'missing', alice, { type: 'authorise' }, context)).toMatchObject({
        ok: false,
        error: { code: 'case-not-found' },
      });
    });

    it('refuses a commit based on a stale case, so two windows cannot both append event n', async () => {
      const { context } = makeContext();
      const store = await makeStore();
      await openAndStore(store, input, alice, context);
      const loaded = await store.load('case-1');
      if (!loaded.ok) throw new Error('load failed');
      const first = transition(loaded.value, alice, { type: 'add-note', text: 'first window' }, context);
      const second = transition(loaded.value, alice, { type: 'add-note', text: 'second window' }, context);
      if (!first.ok || !second.ok) throw new Error('refused');
      expect((await store.commit(first.case, first.event, loaded.value.audit)).ok).toBe(true);
      expect(await store.commit(second.case, second.event, loaded.value.audit)).toMatchObject({
        ok: false,
        error: { code: 'case-conflict' },
      });
      const trail = await store.auditTrail('case-1');
      expect(trail.ok && trail.value.map((e) => e.details)).toEqual([expect.anything(), { noteId: 'n1' }]);
      const after = await store.load('case-1');
      expect(after.ok && after.value.notes.map((n) => n.text)).toEqual(['first window']);
    });
  });
}
