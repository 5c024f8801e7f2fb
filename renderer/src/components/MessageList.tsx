import { useWorkflowMessage, type ShownMessage } from './useWorkflowMessage';

/** What a refusal or failure carries, shown as a list the user can act on (announced to screen readers). */
export function MessageList({
  title,
  messages,
  tone = 'error',
}: {
  readonly title: string;
  readonly messages: readonly ShownMessage[];
  readonly tone?: 'error' | 'warning';
}) {
  const translate = useWorkflowMessage();
  if (messages.length === 0) return null;
  return (
    <div role="alert" className={tone === 'error' ? 'error message-list' : 'warning message-list'}>
      <strong>{title}</strong>
      <ul>
        {messages.map((message, index) => (
          <li key={index}>{translate(message)}</li>
        ))}
      </ul>
    </div>
  );
}
