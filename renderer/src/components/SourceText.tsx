/**
 * A legal source as a procedure template or vocabulary quotes it: a citation of the English text of the instrument,
 * not translated (a paraphrase of law in another language could not be verified). Marked `lang="en"` so a screen
 * reader reads it as English whatever the interface language.
 */
export function SourceText({ text, className }: { readonly text: string; readonly className?: string }) {
  return (
    <span lang="en" className={className}>
      {text}
    </span>
  );
}
