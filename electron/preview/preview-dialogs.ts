import { stat } from 'node:fs/promises';
import type { BrowserContext } from 'playwright';

/** The preview's stand-in for the native dialogs: a small window of its own, apart from the app's page. */
export type PathQuestion = {
  readonly title: string;
  readonly hint: string;
  readonly kind: 'folder' | 'file' | 'save';
  readonly defaultPath: string;
};

const text = {
  ok: 'OK',
  cancel: 'Cancel',
  notFolder: 'That is not a folder on this computer. Type the full path of an existing folder.',
  notFile: 'That is not a file on this computer. Type the full path of an existing file.',
  noFolderToSave: 'The folder for that file does not exist. Type a path in an existing folder.',
} as const;

/**
 * Asks for a path in a separate window: the app's page never sees or supplies it, as with Electron's dialogs.
 * The window holds no app code and cannot call the bridge (its frame is not the app's origin). Returns null when the
 * person cancels or closes the window.
 */
export async function askForPath(context: BrowserContext, question: PathQuestion): Promise<string | null> {
  const window = await context.newPage();
  try {
    await window.setViewportSize({ width: 640, height: 260 }).catch(() => undefined);
    let problem = '';
    for (;;) {
      const answer = await window.evaluate(renderQuestion, { ...question, problem, ok: text.ok, cancel: text.cancel });
      if (answer === null) return null;
      problem = await checkAnswer(question.kind, answer);
      if (problem === '') return answer;
    }
  } catch {
    return null; // the window was closed
  } finally {
    if (!window.isClosed()) await window.close();
  }
}

async function checkAnswer(kind: PathQuestion['kind'], path: string): Promise<string> {
  const found = await stat(kind === 'save' ? parentOf(path) : path).catch(() => null);
  if (kind === 'file') return found?.isFile() ? '' : text.notFile;
  if (kind === 'folder') return found?.isDirectory() ? '' : text.notFolder;
  return found?.isDirectory() ? '' : text.noFolderToSave;
}

function parentOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut <= 0 ? '/' : path.slice(0, cut);
}

/** Runs in the dialog window (about:blank): builds the form with DOM calls, resolves with the typed path or null. */
function renderQuestion(q: PathQuestion & { problem: string; ok: string; cancel: string }): Promise<string | null> {
  document.title = q.title;
  document.body.replaceChildren();
  document.body.style.font = '15px system-ui, sans-serif';
  document.body.style.margin = '24px';
  const form = document.createElement('form');
  const heading = document.createElement('h1');
  heading.textContent = q.title;
  heading.style.fontSize = '18px';
  const label = document.createElement('label');
  label.textContent = q.hint;
  label.style.display = 'block';
  const input = document.createElement('input');
  input.value = q.defaultPath;
  input.style.width = '100%';
  input.style.marginTop = '8px';
  label.append(input);
  const problem = document.createElement('p');
  problem.textContent = q.problem;
  problem.setAttribute('role', 'alert');
  problem.style.color = '#a4000f';
  const ok = document.createElement('button');
  ok.textContent = q.ok;
  ok.type = 'submit';
  const cancel = document.createElement('button');
  cancel.textContent = q.cancel;
  cancel.type = 'button';
  cancel.style.marginLeft = '8px';
  form.append(heading, label, problem, ok, cancel);
  document.body.append(form);
  input.focus();
  return new Promise((resolve) => {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      resolve(input.value.trim() === '' ? null : input.value.trim());
    });
    cancel.addEventListener('click', () => resolve(null));
  });
}
