import { describe, expect, it } from 'vitest';
import { labelList } from '@shared/notices/label-list';
import { VOCABULARIES } from '@shared/vocab/vocabulary';

describe('lists of vocabulary labels', () => {
  it('lower-case every item after the first in French, Spanish and English, except an acronym', () => {
    expect(labelList(['Données relatives aux abonnés', 'Données de localisation'], 'fr')).toBe(
      'Données relatives aux abonnés, données de localisation',
    );
    expect(labelList(['Datos de tráfico', 'Datos de contenido'], 'es')).toBe('Datos de tráfico, datos de contenido');
    expect(labelList(['Traffic data', 'IP addresses'], 'en')).toBe('Traffic data, IP addresses');
    expect(labelList([], 'fr')).toBe('');
  });

  it('in German keep the capital of a noun and lower-case an article, pronoun, adjective or adverb', () => {
    // Every German label of the vocabularies that are run together in a sentence (data categories, grounds).
    const listed = [...VOCABULARIES['data-categories'].terms, ...VOCABULARIES['challenge-grounds'].terms].map(
      (term) => term.labels.de,
    );
    const inList = Object.fromEntries(listed.map((label) => [label, labelList(['Erstes', label], 'de').slice(8)]));
    const lowered = listed.filter((label) => inList[label] !== label);
    expect(lowered.sort()).toEqual(
      [
        'Ausschließlich zum Zweck der Identifizierung des Nutzers angeforderte Daten (z.\u00a0B. IP-Adresse)',
        'Biometrische Daten',
        'Politische Meinungen, religiöse oder weltanschauliche Überzeugungen',
        'Keine gültige Rechtsgrundlage',
        'Die Maßnahme war nicht erforderlich',
        'Die Maßnahme war unverhältnismäßig',
        'Die Maßnahme war diskriminierend',
        'Es wurden mehr Daten als nötig angefordert',
        'Es erfolgte keine Benachrichtigung',
        'Die Benachrichtigung wurde ohne Rechtfertigung aufgeschoben',
        'Das Eilverfahren war nicht gerechtfertigt',
        'Die Daten betreffen eine andere Person',
        'Die Daten sind unrichtig',
        'Die Daten wurden länger als zulässig gespeichert',
        'Offensichtliche Verletzung eines Grundrechts',
      ].sort(),
    );
    expect(labelList(['Teilnehmerdaten', 'Verkehrsdaten', 'Biometrische Daten'], 'de')).toBe(
      'Teilnehmerdaten, Verkehrsdaten, biometrische Daten',
    );
  });
});
