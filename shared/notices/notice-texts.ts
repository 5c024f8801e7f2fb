import type { Language } from '../domain/primitives';

/**
 * The fixed wording of notices and decision letters, per language. Placeholders in {braces} are filled from the
 * case; vocabulary terms (legal basis, data categories, grounds, remedies) come from the vocabularies' own labels.
 */
export type NoticeTexts = {
  readonly noticeTitle: string;
  readonly letterTitle: string;
  readonly fields: {
    readonly reference: string;
    readonly date: string;
    readonly from: string;
    readonly contact: string;
    readonly to: string;
    readonly legalBasis: string;
    readonly purpose: string;
    readonly dataCategories: string;
    readonly timeRange: string;
    readonly partner: string;
    readonly challengeBy: string;
    readonly outcome: string;
    readonly decidedOn: string;
    readonly grounds: string;
  };
  readonly kinds: {
    readonly 'data-access-request': string;
    readonly 'enforcement-action': string;
    readonly 'rights-complaint': string;
  };
  readonly headings: {
    readonly what: string;
    readonly why: string;
    readonly rights: string;
    readonly challenge: string;
    readonly remedies: string;
    readonly decision: string;
    readonly reasons: string;
    readonly ordered: string;
    readonly further: string;
    readonly otherRemedies: string;
  };
  readonly body: {
    readonly opening: string;
    readonly what: string;
    readonly rights: string;
    readonly challenge: string;
    readonly challengeNoDate: string;
    /** The challenge date limits that challenge only; then the court and the supervisory authority. */
    readonly notLimiting: string;
    readonly judicialRemedy: string;
    readonly complaint: string;
    readonly remediesIntro: string;
    readonly letterOpening: string;
    readonly noRemedies: string;
    readonly remedyDue: string;
    readonly further: string;
    readonly sensitive: string;
    readonly noTimeRange: string;
    readonly emergency: string;
  };
  readonly outcomes: { readonly upheld: string; readonly modified: string; readonly quashed: string };
  readonly closing: string;
  /** Signed by a person for the office. */
  readonly closingSigned: string;
};

export const NOTICE_TEXTS: Record<Language, NoticeTexts> = {
  en: {
    noticeTitle: 'Notice of a cross-border measure concerning your data',
    letterTitle: 'Decision on your challenge',
    fields: {
      reference: 'Reference',
      date: 'Date',
      from: 'From',
      contact: 'Contact',
      to: 'To',
      legalBasis: 'Legal basis',
      purpose: 'Purpose',
      dataCategories: 'Data concerned',
      timeRange: 'Period covered',
      partner: 'Partner jurisdiction',
      challengeBy: 'Challenge deadline',
      outcome: 'Outcome',
      decidedOn: 'Decided on',
      grounds: 'Grounds raised',
    },
    kinds: {
      'data-access-request': 'a request for access to data held in another jurisdiction',
      'enforcement-action': 'an enforcement measure against a platform or controller',
      'rights-complaint': 'a complaint about a cross-border action',
    },
    headings: {
      what: 'What was done',
      why: 'Why it was done',
      rights: 'Your rights',
      challenge: 'How to challenge this measure',
      remedies: 'Remedies available',
      decision: 'The decision',
      reasons: 'Reasons',
      ordered: 'Remedies ordered',
      further: 'Further review',
      otherRemedies: 'Your other remedies',
    },
    body: {
      opening: 'Dear {name},',
      what: '{office} is informing you of {kind} that concerns you.',
      rights:
        'You have the right to know that this measure was taken, to see the data concerned, to have inaccurate data corrected, and to challenge the measure before an independent redress officer.',
      challenge:
        'You may challenge this measure until {deadline}. State your grounds and send any supporting documents to {office}, quoting reference {reference}.',
      challengeNoDate:
        'You may challenge this measure. State your grounds and send any supporting documents to {office}, quoting reference {reference}.',
      notLimiting:
        'The date above applies to this challenge only. It does not limit the other remedies described below.',
      judicialRemedy:
        'You have the right to an effective judicial remedy: you may bring proceedings before the courts of {state}, the State whose authority took this measure.',
      complaint:
        'Where your personal data are concerned, you may also lodge a complaint with a data protection supervisory authority, in particular in the State where you live or work.',
      remediesIntro: 'If your challenge succeeds, the redress officer may order, among others:',
      letterOpening: 'Dear {name}, an independent redress officer has reviewed your challenge of {date}.',
      noRemedies: 'No remedy was ordered.',
      remedyDue: 'to be completed by {due}',
      further:
        'If you disagree with this decision, you may bring it before the competent court or data-protection authority.',
      sensitive: 'sensitive',
      noTimeRange: 'not limited to a period',
      emergency: 'This measure was taken as an emergency measure; it lapses on {sunset} unless it is reviewed.',
    },
    outcomes: {
      upheld: 'The measure is upheld.',
      modified: 'The measure is modified (narrowed).',
      quashed: 'The measure is quashed.',
    },
    closing: 'This notice was generated by {office}.',
    closingSigned: '{signer}, on behalf of {office}',
  },
  fr: {
    noticeTitle: 'Notification d’une mesure transfrontière concernant vos données',
    letterTitle: 'Décision sur votre recours',
    fields: {
      reference: 'Référence',
      date: 'Date',
      from: 'Expéditeur',
      contact: 'Contact',
      to: 'Destinataire',
      legalBasis: 'Base juridique',
      purpose: 'Finalité',
      dataCategories: 'Données concernées',
      timeRange: 'Période couverte',
      partner: 'Juridiction partenaire',
      challengeBy: 'Date limite de recours',
      outcome: 'Issue',
      decidedOn: 'Décidé le',
      grounds: 'Motifs invoqués',
    },
    kinds: {
      'data-access-request': 'une demande d’accès à des données détenues dans une autre juridiction',
      'enforcement-action': 'une mesure d’exécution visant une plateforme ou un responsable du traitement',
      'rights-complaint': 'une réclamation relative à une action transfrontière',
    },
    headings: {
      what: 'Ce qui a été fait',
      why: 'Pourquoi',
      rights: 'Vos droits',
      challenge: 'Comment contester cette mesure',
      remedies: 'Réparations possibles',
      decision: 'La décision',
      reasons: 'Motifs',
      ordered: 'Réparations ordonnées',
      further: 'Recours ultérieur',
      otherRemedies: 'Vos autres voies de recours',
    },
    body: {
      opening: 'À l’attention de {name},',
      what: '{office} vous informe d’{kind} qui vous concerne.',
      rights:
        'Vous avez le droit de savoir que cette mesure a été prise, de consulter les données concernées, d’obtenir la rectification de données inexactes et de contester la mesure devant un agent de recours indépendant.',
      challenge:
        'Vous pouvez contester cette mesure jusqu’au {deadline}. Indiquez vos motifs et adressez toute pièce justificative à {office}, en rappelant la référence {reference}.',
      challengeNoDate:
        'Vous pouvez contester cette mesure. Indiquez vos motifs et adressez toute pièce justificative à {office}, en rappelant la référence {reference}.',
      notLimiting:
        'La date ci-dessus vaut pour ce recours seulement. Elle ne limite pas les autres voies de recours décrites ci-dessous.',
      judicialRemedy:
        'Vous disposez du droit à un recours juridictionnel effectif\u00a0: vous pouvez saisir les juridictions de l’État dont l’autorité a pris cette mesure ({state}).',
      complaint:
        'Lorsque vos données à caractère personnel sont concernées, vous pouvez aussi introduire une réclamation auprès d’une autorité de contrôle, notamment dans l’État où vous résidez ou travaillez.',
      remediesIntro: 'Si votre recours aboutit, l’agent de recours peut notamment ordonner\u00a0:',
      letterOpening:
        'À l’attention de {name}\u00a0: un agent de recours indépendant a examiné votre recours du {date}.',
      noRemedies: 'Aucune réparation n’a été ordonnée.',
      remedyDue: 'à exécuter au plus tard le {due}',
      further:
        'Si vous contestez cette décision, vous pouvez saisir la juridiction ou l’autorité de protection des données compétente.',
      sensitive: 'sensibles',
      noTimeRange: 'sans limitation de période',
      emergency:
        'Cette mesure a été prise en urgence\u202f; elle cesse de produire ses effets le {sunset} sauf réexamen.',
    },
    outcomes: {
      upheld: 'La mesure est confirmée.',
      modified: 'La mesure est modifiée (restreinte).',
      quashed: 'La mesure est annulée.',
    },
    closing: 'Cette notification a été établie par {office}.',
    closingSigned: '{signer}, pour {office}',
  },
  de: {
    noticeTitle: 'Mitteilung über eine grenzüberschreitende Maßnahme zu Ihren Daten',
    letterTitle: 'Entscheidung über Ihren Rechtsbehelf',
    fields: {
      reference: 'Aktenzeichen',
      date: 'Datum',
      from: 'Absender',
      contact: 'Kontakt',
      to: 'Empfänger',
      legalBasis: 'Rechtsgrundlage',
      purpose: 'Zweck',
      dataCategories: 'Betroffene Daten',
      timeRange: 'Erfasster Zeitraum',
      partner: 'Partnerrechtsordnung',
      challengeBy: 'Frist für den Rechtsbehelf',
      outcome: 'Ergebnis',
      decidedOn: 'Entschieden am',
      grounds: 'Vorgebrachte Gründe',
    },
    kinds: {
      'data-access-request': 'ein Ersuchen um Zugang zu Daten, die in einer anderen Rechtsordnung gespeichert sind',
      'enforcement-action': 'eine Durchsetzungsmaßnahme gegen eine Plattform oder einen Verantwortlichen',
      'rights-complaint': 'eine Beschwerde über eine grenzüberschreitende Maßnahme',
    },
    headings: {
      what: 'Was geschehen ist',
      why: 'Warum',
      rights: 'Ihre Rechte',
      challenge: 'So legen Sie einen Rechtsbehelf ein',
      remedies: 'Mögliche Abhilfen',
      decision: 'Die Entscheidung',
      reasons: 'Gründe',
      ordered: 'Angeordnete Abhilfen',
      further: 'Weitere Überprüfung',
      otherRemedies: 'Ihre weiteren Rechtsbehelfe',
    },
    body: {
      opening: 'Guten Tag {name},',
      what: '{office} informiert Sie über folgende Maßnahme, die Sie betrifft: {kind}.',
      rights:
        'Sie haben das Recht zu erfahren, dass diese Maßnahme getroffen wurde, die betroffenen Daten einzusehen, unrichtige Daten berichtigen zu lassen und die Maßnahme vor einer unabhängigen Überprüfungsstelle anzufechten.',
      challenge:
        'Sie können diese Maßnahme bis zum {deadline} anfechten. Nennen Sie Ihre Gründe und senden Sie Unterlagen unter Angabe des Aktenzeichens {reference} an {office}.',
      challengeNoDate:
        'Sie können diese Maßnahme anfechten. Nennen Sie Ihre Gründe und senden Sie Unterlagen unter Angabe des Aktenzeichens {reference} an {office}.',
      notLimiting:
        'Die oben genannte Frist gilt nur für diesen Rechtsbehelf. Sie beschränkt die unten genannten weiteren Rechtsbehelfe nicht.',
      judicialRemedy:
        'Sie haben das Recht auf einen wirksamen gerichtlichen Rechtsbehelf: Sie können die Gerichte des Staates anrufen, dessen Behörde diese Maßnahme getroffen hat ({state}).',
      complaint:
        'Soweit Ihre personenbezogenen Daten betroffen sind, können Sie außerdem Beschwerde bei einer Aufsichtsbehörde einlegen, insbesondere in dem Staat, in dem Sie wohnen oder arbeiten.',
      remediesIntro: 'Hat Ihr Rechtsbehelf Erfolg, kann die Überprüfungsstelle unter anderem anordnen:',
      letterOpening: 'Guten Tag {name}, eine unabhängige Überprüfungsstelle hat Ihren Rechtsbehelf vom {date} geprüft.',
      noRemedies: 'Es wurde keine Abhilfe angeordnet.',
      remedyDue: 'zu erledigen bis {due}',
      further:
        'Sind Sie mit dieser Entscheidung nicht einverstanden, können Sie das zuständige Gericht oder die zuständige Datenschutzbehörde anrufen.',
      sensitive: 'sensibel',
      noTimeRange: 'ohne zeitliche Begrenzung',
      emergency:
        'Diese Maßnahme wurde als Eilmaßnahme getroffen; sie endet am {sunset}, sofern sie nicht überprüft wird.',
    },
    outcomes: {
      upheld: 'Die Maßnahme wird bestätigt.',
      modified: 'Die Maßnahme wird geändert (eingeschränkt).',
      quashed: 'Die Maßnahme wird aufgehoben.',
    },
    closing: 'Diese Mitteilung wurde von {office} erstellt.',
    closingSigned: '{signer}, für {office}',
  },
  es: {
    noticeTitle: 'Notificación de una medida transfronteriza relativa a sus datos',
    letterTitle: 'Resolución sobre su impugnación',
    fields: {
      reference: 'Referencia',
      date: 'Fecha',
      from: 'Remitente',
      contact: 'Contacto',
      to: 'Destinatario',
      legalBasis: 'Base jurídica',
      purpose: 'Finalidad',
      dataCategories: 'Datos afectados',
      timeRange: 'Período cubierto',
      partner: 'Jurisdicción asociada',
      challengeBy: 'Plazo de impugnación',
      outcome: 'Resultado',
      decidedOn: 'Resuelto el',
      grounds: 'Motivos alegados',
    },
    kinds: {
      'data-access-request': 'una solicitud de acceso a datos conservados en otra jurisdicción',
      'enforcement-action': 'una medida de ejecución contra una plataforma o un responsable del tratamiento',
      'rights-complaint': 'una reclamación sobre una actuación transfronteriza',
    },
    headings: {
      what: 'Qué se ha hecho',
      why: 'Por qué',
      rights: 'Sus derechos',
      challenge: 'Cómo impugnar esta medida',
      remedies: 'Reparaciones posibles',
      decision: 'La resolución',
      reasons: 'Motivos',
      ordered: 'Reparaciones ordenadas',
      further: 'Revisión posterior',
      otherRemedies: 'Otras vías de recurso',
    },
    body: {
      opening: 'Estimado/a {name}:',
      what: '{office} le informa de {kind} que le afecta.',
      rights:
        'Tiene derecho a saber que se adoptó esta medida, a consultar los datos afectados, a obtener la rectificación de los datos inexactos y a impugnar la medida ante un responsable de recursos independiente.',
      challenge:
        'Puede impugnar esta medida hasta el {deadline}. Indique sus motivos y envíe los documentos que la respalden a {office}, citando la referencia {reference}.',
      challengeNoDate:
        'Puede impugnar esta medida. Indique sus motivos y envíe los documentos que la respalden a {office}, citando la referencia {reference}.',
      notLimiting:
        'La fecha anterior se aplica solo a esta impugnación. No limita las demás vías de recurso que se indican a continuación.',
      judicialRemedy:
        'Tiene derecho a la tutela judicial efectiva: puede acudir a los órganos jurisdiccionales del Estado cuya autoridad adoptó esta medida ({state}).',
      complaint:
        'Cuando se trate de sus datos personales, también puede presentar una reclamación ante una autoridad de control, en particular en el Estado en que reside o trabaja.',
      remediesIntro: 'Si su impugnación prospera, el responsable de recursos puede ordenar, entre otras:',
      letterOpening:
        'Estimado/a {name}: un responsable de recursos independiente ha examinado su impugnación del {date}.',
      noRemedies: 'No se ha ordenado ninguna reparación.',
      remedyDue: 'a cumplir a más tardar el {due}',
      further:
        'Si no está de acuerdo con esta resolución, puede acudir al tribunal o a la autoridad de protección de datos competente.',
      sensitive: 'sensibles',
      noTimeRange: 'sin limitación de período',
      emergency: 'Esta medida se adoptó con carácter urgente; decae el {sunset} salvo que se revise.',
    },
    outcomes: {
      upheld: 'Se confirma la medida.',
      modified: 'Se modifica (restringe) la medida.',
      quashed: 'Se anula la medida.',
    },
    closing: 'Esta notificación ha sido emitida por {office}.',
    closingSigned: '{signer}, en nombre de {office}',
  },
};

/** Replaces {name} placeholders; a placeholder without a value is left visible so a gap is never silent. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
