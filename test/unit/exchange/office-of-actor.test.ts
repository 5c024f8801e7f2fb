import { describe, expect, it } from 'vitest';
import { officeOfActor, partnerActor } from '@shared/exchange/exchange-actors';

const BONN = 'ab'.repeat(32);
const LYON = 'cd'.repeat(32);
const offices = { [BONN]: { name: 'Bonn' }, [LYON]: { name: 'Lyon' } };

describe('the partner office an audit actor stands for', () => {
  it('is found by the key its actor id carries, so the trail can name it', () => {
    expect(officeOfActor(offices, partnerActor(LYON, 'caseworker').id)).toEqual({ name: 'Lyon' });
    expect(officeOfActor(offices, partnerActor(BONN, 'redress-officer').id)).toEqual({ name: 'Bonn' });
  });

  it('is none for a person, or for an office no longer listed', () => {
    expect(officeOfActor(offices, 'person-7f3a')).toBeUndefined();
    expect(officeOfActor(offices, partnerActor('ef'.repeat(32), 'caseworker').id)).toBeUndefined();
  });
});
