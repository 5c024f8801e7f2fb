/** The topics the glossary groups its terms under, in the order the help screen shows them. */
export const GLOSSARY_TOPICS = ['procedure', 'security'] as const;
export type GlossaryTopic = (typeof GLOSSARY_TOPICS)[number];

/**
 * The terms the help screen explains. Each has `glossary.<id>.term` and `glossary.<id>.meaning` in every catalog; a
 * meaning that comes from a text of law names its article there, in the reader's language.
 */
export const GLOSSARY_TERMS: readonly { readonly id: string; readonly topic: GlossaryTopic }[] = [
  { id: 'legal-basis', topic: 'procedure' },
  { id: 'necessity', topic: 'procedure' },
  { id: 'second-authoriser', topic: 'procedure' },
  { id: 'notice', topic: 'procedure' },
  { id: 'deferral', topic: 'procedure' },
  { id: 'withheld', topic: 'procedure' },
  { id: 'challenge', topic: 'procedure' },
  { id: 'independent-reviewer', topic: 'procedure' },
  { id: 'redress-decision', topic: 'procedure' },
  { id: 'remedy', topic: 'procedure' },
  { id: 'emergency', topic: 'procedure' },
  { id: 'deadline-counting', topic: 'procedure' },
  { id: 'partner-deadline', topic: 'procedure' },
  { id: 'recognition', topic: 'procedure' },
  { id: 'retention', topic: 'procedure' },
  { id: 'vault', topic: 'security' },
  { id: 'passphrase', topic: 'security' },
  { id: 'recovery-key', topic: 'security' },
  { id: 'backup', topic: 'security' },
  { id: 'bundle', topic: 'security' },
  { id: 'key-card', topic: 'security' },
  { id: 'fingerprint', topic: 'security' },
  { id: 'receipt', topic: 'security' },
  { id: 'replay', topic: 'security' },
  { id: 'audit-trail', topic: 'security' },
  { id: 'read-only', topic: 'security' },
];
