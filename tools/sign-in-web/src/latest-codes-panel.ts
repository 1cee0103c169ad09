/** One email with a code, as the local stack lists it in `local-codes.json`. */
interface LatestCode {
  readonly to: readonly string[];
  readonly subject: string;
  readonly sentAt: string;
  readonly codes: readonly string[];
}

/** Often enough that a new code is there by the time the code screen shows; cheap for a loopback read. */
const REFRESH_MS = 2000;

/**
 * The local-only panel under the card: the codes of the newest emails the
 * SES sink caught, so a developer need not open each email in the mail
 * viewer. Shown only when the stack that serves the page says where the list
 * is; refreshed while the page is visible.
 */
export function startLatestCodesPanel(document: Document, path: string): void {
  const panel = document.getElementById('latest-codes');
  const list = document.getElementById('latest-codes-list');
  const empty = document.getElementById('latest-codes-empty');
  if (panel === null || list === null || empty === null) throw new Error('The page has no #latest-codes panel');
  panel.hidden = false;

  const render = (codes: readonly LatestCode[]) => {
    list.replaceChildren(
      ...codes.map((email) => {
        const item = document.createElement('li');
        const code = document.createElement('code');
        code.className = 'latest-code';
        code.textContent = email.codes.join(' ');
        const details = document.createElement('span');
        details.className = 'latest-code-details';
        details.textContent = `${email.subject} · to ${email.to.join(', ')} · ${new Date(email.sentAt).toLocaleTimeString()}`;
        item.append(code, details);
        return item;
      }),
    );
    empty.textContent = codes.length === 0 ? 'No code has been emailed yet.' : '';
  };

  const refresh = async () => {
    try {
      const response = await fetch(new URL(path, document.baseURI), { cache: 'no-store' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      render(((await response.json()) as { codes: LatestCode[] }).codes);
    } catch (error) {
      list.replaceChildren();
      empty.textContent = `Cannot read the latest codes (${(error as Error).message}). Is npm start still running?`;
    }
  };

  void refresh();
  setInterval(() => {
    if (document.visibilityState === 'visible') void refresh();
  }, REFRESH_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void refresh();
  });
}
