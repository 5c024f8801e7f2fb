import { describe, expect, it } from 'vitest';
import { TEST_KDF_FLOOR } from '@shared/vault/kdf-params';
import { verifyKeyCard } from '@shared/offices/key-card';
import { SAMPLE_PARTNER_OFFICES } from '@shared/samples/sample-words';
import { caseViolations } from '@shared/workflow/case-invariants';
import { CaseRepository } from '../../../renderer/src/cases/case-repository';
import { workflowContext } from '../../../renderer/src/cases/workflow-context';
import { loadTrustStore } from '../../../renderer/src/offices/partner-offices';
import {
  createTrainingVaultService,
  deleteTrainingOffice,
  setUpTrainingOffice,
  TRAINING_CASES,
  TRAINING_PEOPLE,
  trainingOfficeExists,
  type TrainingProgress,
} from '../../../renderer/src/training/training-office';
import { createdVault, deriveHere, kit } from '../vault/vault-test-kit';

describe('the training office', () => {
  it('fills its own database with signed sample cases, leaves a real vault alone, and is deleted whole', async () => {
    const real = await createdVault('training-neighbour');
    const training = createTrainingVaultService(kit, { kdf: TEST_KDF_FLOOR, derive: deriveHere });
    const progress: TrainingProgress[] = [];
    const done = await setUpTrainingOffice(training, (p) => progress.push(p), { derive: deriveHere });
    expect(done.ok, done.ok ? '' : done.error.message).toBe(true);
    expect(progress.at(-1)).toEqual({ step: 'cases', done: TRAINING_CASES, total: TRAINING_CASES });
    expect(progress.filter((p) => p.step === 'cases').length).toBeGreaterThan(5);
    expect((await training.persons()).map((p) => p.name)).toEqual(TRAINING_PEOPLE.map((p) => p.name));

    const repository = new CaseRepository(training.db, workflowContext(kit, training.keyring));
    const cases = await repository.all();
    expect(cases).toHaveLength(TRAINING_CASES);
    expect(cases.flatMap(caseViolations)).toEqual([]);
    // The app's own verifier accepts the trails: each event signed by the sample person who acted.
    for (const c of cases.slice(0, 40)) {
      const verdict = await repository.verify(c.id);
      expect(verdict.ok, verdict.ok ? c.id : verdict.message).toBe(true);
    }
    // The partner offices the cases name are in its partner list, read back through the vault like any partner.
    const partners = Object.values(await loadTrustStore(training.db));
    expect(partners.map((p) => p.card.card.name).sort()).toEqual(SAMPLE_PARTNER_OFFICES.map((o) => o.office).sort());
    for (const partner of partners) expect(verifyKeyCard(kit, partner.card).ok).toBe(true);
    expect(partners.filter((p) => p.state === 'verified').map((p) => p.card.card.name)).toEqual([
      SAMPLE_PARTNER_OFFICES[0]?.office,
    ]);
    const named = new Set(cases.map((c) => c.partnerJurisdiction).filter((j) => j !== null));
    expect([...named].every((j) => partners.some((p) => p.card.card.jurisdiction === j))).toBe(true);
    expect(await real.db.cases.count()).toBe(0);
    expect(await real.db.offices.count()).toBe(0);
    expect(await trainingOfficeExists()).toBe(true);

    await deleteTrainingOffice(training);
    expect(await trainingOfficeExists()).toBe(false);
    expect((await real.status()).kind).toBe('unlocked');
    real.lock();
  });

  it('refuses to put sample data into any database but the training office’s', async () => {
    const real = await createdVault('training-refused');
    const refused = await setUpTrainingOffice(real, () => undefined, { derive: deriveHere });
    expect(refused.ok).toBe(false);
    expect(await real.db.cases.count()).toBe(0);
    real.lock();
  });
});
