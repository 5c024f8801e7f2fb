import type { AdmissibilityQuestion } from '../domain/admissibility';
import type { Language } from '../domain/primitives';

/**
 * The fixed wording of notices and decision letters, per language. Placeholders in {braces} are filled from the
 * case; vocabulary terms (legal basis, data categories, grounds, remedies) come from the vocabularies' citizen labels.
 * Each language uses the established term of the EU texts: shared/notices/terminology.md is the glossary, and the
 * golden letters in test/unit/notices/golden/ are reviewed against it.
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
  /** The salutation, a paragraph of its own before the body ({name} where the language addresses the person by name). */
  readonly salutation: string;
  readonly body: {
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
    /** An ordered remedy followed by what exactly it covers. */
    readonly remedyDetail: string;
    readonly further: string;
    readonly sensitive: string;
    readonly noTimeRange: string;
    readonly emergency: string;
  };
  readonly outcomes: { readonly upheld: string; readonly modified: string; readonly quashed: string };
  /** The closing formula, one per kind of document: a notice informs, a decision letter decides. */
  readonly closings: { readonly notice: string; readonly decision: string };
  /** The letter telling a complainant that their complaint was declared inadmissible. */
  readonly inadmissibility: {
    readonly title: string;
    readonly decision: string;
    readonly headings: { readonly grounds: string; readonly remedy: string };
    readonly opening: string;
    readonly groundsIntro: string;
    /** One sentence per admissibility question answered "no", saying what the complaint lacks. */
    readonly questions: Readonly<Record<AdmissibilityQuestion, string>>;
    /** GDPR Art. 78(1) and (3); {state} is the office's own State. */
    readonly remedy: string;
    readonly newComplaint: string;
  };
  /** The signature under the closing: signed by the office alone. */
  readonly signature: string;
  /** Signed by a person for the office. */
  readonly signatureSigned: string;
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
      partner: 'Other State involved',
      challengeBy: 'Challenge deadline',
      outcome: 'Outcome',
      decidedOn: 'Decided on',
      grounds: 'Grounds raised',
    },
    kinds: {
      'data-access-request': 'a request for access to data held in another State',
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
    salutation: 'Dear {name},',
    body: {
      what: '{office} is informing you of {kind} that concerns you.',
      rights:
        'You have the right to know that this measure was taken, to see the data concerned, to have inaccurate data corrected, and to challenge the measure before an independent review body.',
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
      remediesIntro: 'If your challenge succeeds, the review body may order, among others:',
      letterOpening: 'An independent review body has examined your challenge of {date}.',
      noRemedies: 'No remedy was ordered.',
      remedyDue: 'to be completed by {due}',
      remedyDetail: '{remedy}: {detail}',
      further:
        'If you disagree with this decision, you may bring it before the competent court or data protection supervisory authority.',
      sensitive: 'sensitive',
      noTimeRange: 'not limited to a period',
      emergency: 'This measure was taken as an emergency measure; it lapses on {sunset} unless it is reviewed.',
    },
    outcomes: {
      upheld: 'The measure is upheld.',
      modified: 'The measure is modified (narrowed).',
      quashed: 'The measure is quashed.',
    },
    closings: { notice: 'Yours sincerely,', decision: 'Yours sincerely,' },
    inadmissibility: {
      title: 'Decision on your complaint: inadmissible',
      decision: 'Complaint declared inadmissible',
      headings: { grounds: 'Why the complaint cannot be dealt with', remedy: 'Your right to a judicial remedy' },
      opening:
        '{office} has examined your complaint, reference {reference}, and declared it inadmissible on {date}. It will not be examined on its merits.',
      groundsIntro: 'The complaint does not meet these conditions:',
      questions: {
        competent: 'The authority it was lodged with is not competent to deal with it.',
        entitled: 'It was not lodged by the person concerned, nor by a person or body they mandated.',
        inTime: 'It was not lodged within the time limit that applies.',
        notUnfounded: 'It is manifestly unfounded or excessive.',
        notDecidedElsewhere: 'The same matter has already been decided, or is pending, elsewhere.',
      },
      remedy:
        'You have the right to an effective judicial remedy against this decision (Article 78(1) of Regulation (EU) 2016/679, the General Data Protection Regulation). Proceedings are brought before the courts of the Member State where the supervisory authority is established ({state}; Article 78(3)).',
      newComplaint: 'If you have new facts, you may lodge a new complaint; it will be examined as a new case.',
    },
    signature: '{office}',
    signatureSigned: '{signer}, on behalf of {office}',
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
      partner: 'Autre État concerné',
      challengeBy: 'Date limite de recours',
      outcome: 'Issue',
      decidedOn: 'Décidé le',
      grounds: 'Motifs invoqués',
    },
    kinds: {
      'data-access-request': 'une demande d’accès à des données détenues dans un autre État',
      'enforcement-action': 'une mesure d’exécution visant une plateforme ou un responsable du traitement',
      'rights-complaint': 'une réclamation relative à une action transfrontière',
    },
    headings: {
      what: 'Ce qui a été fait',
      why: 'Pourquoi cette mesure',
      rights: 'Vos droits',
      challenge: 'Comment contester cette mesure',
      remedies: 'Mesures correctrices possibles',
      decision: 'La décision',
      reasons: 'Motifs',
      ordered: 'Mesures correctrices ordonnées',
      further: 'Recours ultérieur',
      otherRemedies: 'Vos autres voies de recours',
    },
    salutation: 'Madame, Monsieur,',
    body: {
      what: '{office} vous informe d’{kind} qui vous concerne.',
      rights:
        'Vous avez le droit de savoir que cette mesure a été prise, de consulter les données concernées, d’obtenir la rectification de données inexactes et de contester la mesure devant une instance de recours indépendante.',
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
      remediesIntro: 'Si votre recours aboutit, l’instance de recours peut notamment ordonner\u00a0:',
      letterOpening: 'Une instance de recours indépendante a examiné votre recours du {date}.',
      noRemedies: 'Aucune mesure correctrice n’a été ordonnée.',
      remedyDue: 'à exécuter au plus tard le {due}',
      remedyDetail: '{remedy}\u00a0: {detail}',
      further:
        'Si vous contestez cette décision, vous pouvez saisir la juridiction compétente ou l’autorité de contrôle compétente.',
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
    closings: {
      notice:
        'Nous restons à votre disposition pour tout renseignement complémentaire et vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.',
      decision: 'Nous vous prions d’agréer, Madame, Monsieur, l’expression de notre considération distinguée.',
    },
    inadmissibility: {
      title: 'Décision d’irrecevabilité de votre réclamation',
      decision: 'Réclamation déclarée irrecevable',
      headings: {
        grounds: 'Pourquoi la réclamation ne peut pas être traitée',
        remedy: 'Votre droit à un recours juridictionnel',
      },
      opening:
        '{office} a examiné votre réclamation, référence {reference}, et l’a déclarée irrecevable le {date}. Elle ne sera pas examinée sur le fond.',
      groundsIntro: 'La réclamation ne remplit pas les conditions suivantes\u00a0:',
      questions: {
        competent: 'L’autorité saisie n’est pas compétente pour la traiter.',
        entitled:
          'Elle n’a été introduite ni par la personne concernée ni par une personne ou un organisme mandaté par elle.',
        inTime: 'Elle n’a pas été introduite dans le délai applicable.',
        notUnfounded: 'Elle est manifestement infondée ou excessive.',
        notDecidedElsewhere: 'La même affaire a déjà été tranchée ou est pendante ailleurs.',
      },
      remedy:
        'Vous disposez du droit à un recours juridictionnel effectif contre cette décision (article 78, paragraphe 1, du règlement (UE) 2016/679, règlement général sur la protection des données). Le recours est porté devant les juridictions de l’État membre où l’autorité de contrôle est établie ({state}\u202f; article 78, paragraphe 3).',
      newComplaint:
        'Si vous disposez de faits nouveaux, vous pouvez introduire une nouvelle réclamation, qui sera examinée comme une nouvelle affaire.',
    },
    signature: '{office}',
    signatureSigned: '{signer}, pour {office}',
  },
  de: {
    noticeTitle: 'Benachrichtigung über eine grenzüberschreitende Maßnahme zu Ihren Daten',
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
      partner: 'Anderer beteiligter Staat',
      challengeBy: 'Frist für den Rechtsbehelf',
      outcome: 'Ergebnis',
      decidedOn: 'Entschieden am',
      grounds: 'Vorgebrachte Gründe',
    },
    kinds: {
      'data-access-request': 'ein Ersuchen um Zugang zu Daten, die in einem anderen Staat gespeichert sind',
      'enforcement-action': 'eine Durchsetzungsmaßnahme gegen eine Plattform oder einen Verantwortlichen',
      'rights-complaint': 'eine Beschwerde über eine grenzüberschreitende Maßnahme',
    },
    headings: {
      what: 'Was geschehen ist',
      why: 'Warum',
      rights: 'Ihre Rechte',
      challenge: 'So legen Sie einen Rechtsbehelf ein',
      remedies: 'Mögliche Abhilfemaßnahmen',
      decision: 'Die Entscheidung',
      reasons: 'Gründe',
      ordered: 'Angeordnete Abhilfemaßnahmen',
      further: 'Weitere Überprüfung',
      otherRemedies: 'Ihre weiteren Rechtsbehelfe',
    },
    salutation: 'Sehr geehrte Damen und Herren,',
    body: {
      what: '{office} informiert Sie über folgende Maßnahme, die Sie betrifft: {kind}.',
      rights:
        'Sie haben das Recht, zu erfahren, dass diese Maßnahme getroffen wurde, die betroffenen Daten einzusehen, unrichtige Daten berichtigen zu lassen und die Maßnahme vor einer unabhängigen Überprüfungsstelle anzufechten.',
      challenge:
        'Sie können diese Maßnahme bis zum {deadline} anfechten. Nennen Sie Ihre Gründe und senden Sie etwaige Belege unter Angabe des Aktenzeichens {reference} an {office}.',
      challengeNoDate:
        'Sie können diese Maßnahme anfechten. Nennen Sie Ihre Gründe und senden Sie etwaige Belege unter Angabe des Aktenzeichens {reference} an {office}.',
      notLimiting:
        'Die oben genannte Frist gilt nur für diesen Rechtsbehelf. Sie beschränkt die unten genannten weiteren Rechtsbehelfe nicht.',
      judicialRemedy:
        'Sie haben das Recht auf einen wirksamen gerichtlichen Rechtsbehelf: Sie können die Gerichte des Staates anrufen, dessen Behörde diese Maßnahme getroffen hat ({state}).',
      complaint:
        'Soweit Ihre personenbezogenen Daten betroffen sind, können Sie außerdem Beschwerde bei einer Aufsichtsbehörde einlegen, insbesondere in dem Staat, in dem Sie wohnen oder arbeiten.',
      remediesIntro: 'Hat Ihr Rechtsbehelf Erfolg, kann die Überprüfungsstelle unter anderem anordnen:',
      letterOpening: 'Eine unabhängige Überprüfungsstelle hat Ihren Rechtsbehelf vom {date} geprüft.',
      noRemedies: 'Es wurde keine Abhilfemaßnahme angeordnet.',
      remedyDue: 'zu erledigen bis zum {due}',
      remedyDetail: '{remedy}: {detail}',
      further:
        'Sind Sie mit dieser Entscheidung nicht einverstanden, können Sie das zuständige Gericht oder die zuständige Aufsichtsbehörde anrufen.',
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
    closings: { notice: 'Mit freundlichen Grüßen', decision: 'Mit freundlichen Grüßen' },
    inadmissibility: {
      title: 'Zurückweisung Ihrer Beschwerde als unzulässig',
      decision: 'Beschwerde als unzulässig zurückgewiesen',
      headings: {
        grounds: 'Warum die Beschwerde nicht behandelt werden kann',
        remedy: 'Ihr Recht auf einen gerichtlichen Rechtsbehelf',
      },
      opening:
        '{office} hat Ihre Beschwerde (Aktenzeichen {reference}) geprüft und sie am {date} als unzulässig zurückgewiesen. Sie wird nicht in der Sache geprüft.',
      groundsIntro: 'Die Beschwerde erfüllt folgende Voraussetzungen nicht:',
      questions: {
        competent: 'Die angerufene Behörde ist für sie nicht zuständig.',
        entitled:
          'Sie wurde weder von der betroffenen Person noch von einer von ihr beauftragten Person oder Einrichtung eingelegt.',
        inTime: 'Sie wurde nicht innerhalb der geltenden Frist eingelegt.',
        notUnfounded: 'Sie ist offenkundig unbegründet oder exzessiv.',
        notDecidedElsewhere: 'Über dieselbe Sache wurde bereits entschieden, oder sie ist anderweitig anhängig.',
      },
      remedy:
        'Sie haben das Recht auf einen wirksamen gerichtlichen Rechtsbehelf gegen diese Entscheidung (Artikel 78 Absatz 1 der Verordnung (EU) 2016/679, Datenschutz-Grundverordnung). Zuständig sind die Gerichte des Mitgliedstaats, in dem die Aufsichtsbehörde ihren Sitz hat ({state}; Artikel 78 Absatz 3).',
      newComplaint:
        'Haben Sie neue Tatsachen, können Sie eine neue Beschwerde einlegen; sie wird als neuer Fall geprüft.',
    },
    signature: '{office}',
    signatureSigned: '{signer}, für {office}',
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
      partner: 'Otro Estado implicado',
      challengeBy: 'Plazo de impugnación',
      outcome: 'Resultado',
      decidedOn: 'Resuelto el',
      grounds: 'Motivos alegados',
    },
    kinds: {
      'data-access-request': 'una solicitud de acceso a datos conservados en otro Estado',
      'enforcement-action': 'una medida de ejecución contra una plataforma o un responsable del tratamiento',
      'rights-complaint': 'una reclamación sobre una actuación transfronteriza',
    },
    headings: {
      what: 'Qué se ha hecho',
      why: 'Por qué',
      rights: 'Sus derechos',
      challenge: 'Cómo impugnar esta medida',
      remedies: 'Posibles medidas correctoras',
      decision: 'La resolución',
      reasons: 'Motivos',
      ordered: 'Medidas correctoras ordenadas',
      further: 'Revisión posterior',
      otherRemedies: 'Otras vías de recurso',
    },
    salutation: 'Estimado/a señor/a:',
    body: {
      what: '{office} le informa de {kind} que le afecta.',
      rights:
        'Tiene derecho a saber que se adoptó esta medida, a consultar los datos afectados, a obtener la rectificación de los datos inexactos y a impugnar la medida ante un órgano independiente de revisión.',
      challenge:
        'Puede impugnar esta medida hasta el {deadline}. Indique sus motivos y envíe a {office} los documentos que los acrediten, citando la referencia {reference}.',
      challengeNoDate:
        'Puede impugnar esta medida. Indique sus motivos y envíe a {office} los documentos que los acrediten, citando la referencia {reference}.',
      notLimiting:
        'La fecha anterior se aplica solo a esta impugnación. No limita las demás vías de recurso que se indican a continuación.',
      judicialRemedy:
        'Tiene derecho a la tutela judicial efectiva: puede acudir a los tribunales del Estado cuya autoridad adoptó esta medida ({state}).',
      complaint:
        'Cuando se trate de sus datos personales, también puede presentar una reclamación ante una autoridad de control, en particular en el Estado en que reside o trabaja.',
      remediesIntro:
        'Si su impugnación prospera, el órgano de revisión podrá ordenar, entre otras, las siguientes medidas correctoras:',
      letterOpening: 'Un órgano independiente de revisión ha examinado su impugnación del {date}.',
      noRemedies: 'No se ha ordenado ninguna medida correctora.',
      remedyDue: 'con plazo hasta el {due}',
      remedyDetail: '{remedy}: {detail}',
      further:
        'Si no está de acuerdo con esta resolución, puede acudir al tribunal o a la autoridad de control competentes.',
      sensitive: 'sensibles',
      noTimeRange: 'sin limitación de período',
      emergency: 'Esta medida se adoptó con carácter urgente; decae el {sunset} salvo que se revise.',
    },
    outcomes: {
      upheld: 'Se confirma la medida.',
      modified: 'Se modifica (restringe) la medida.',
      quashed: 'Se anula la medida.',
    },
    closings: { notice: 'Atentamente,', decision: 'Atentamente,' },
    inadmissibility: {
      title: 'Inadmisión de su reclamación',
      decision: 'Reclamación declarada inadmisible',
      headings: { grounds: 'Por qué no puede tramitarse la reclamación', remedy: 'Su derecho a la tutela judicial' },
      opening:
        '{office} ha examinado su reclamación, con referencia {reference}, y la ha declarado inadmisible el {date}. No se examinará sobre el fondo.',
      groundsIntro: 'La reclamación no cumple las siguientes condiciones:',
      questions: {
        competent: 'La autoridad ante la que se presentó no es competente para tramitarla.',
        entitled: 'No la presentó el interesado ni una persona o entidad a la que este haya dado mandato.',
        inTime: 'No se presentó dentro del plazo aplicable.',
        notUnfounded: 'Es manifiestamente infundada o excesiva.',
        notDecidedElsewhere: 'El mismo asunto ya ha sido resuelto o está pendiente en otra instancia.',
      },
      remedy:
        'Tiene derecho a la tutela judicial efectiva contra esta resolución (artículo 78, apartado 1, del Reglamento (UE) 2016/679, Reglamento general de protección de datos). El recurso se interpone ante los tribunales del Estado miembro en que esté establecida la autoridad de control ({state}; artículo 78, apartado 3).',
      newComplaint:
        'Si dispone de hechos nuevos, puede presentar una nueva reclamación, que se tramitará como un nuevo asunto.',
    },
    signature: '{office}',
    signatureSigned: '{signer}, en nombre de {office}',
  },
};

/** Replaces {name} placeholders; a placeholder without a value is left visible so a gap is never silent. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
