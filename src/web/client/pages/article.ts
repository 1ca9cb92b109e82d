import { get, post, type ArticleResponse, type CodedDocument } from '../api.js';
import { articleView } from '../annotate.js';
import { h } from '../dom.js';

export async function articlePage(root: HTMLElement, id: string, params: URLSearchParams): Promise<void> {
  const r = await get<ArticleResponse>(`/api/articles/${encodeURIComponent(id)}`);
  const a = r.article;
  // Only web links: a stored URL is data, never a `javascript:` link.
  const url = a.url && /^https?:\/\//i.test(a.url) ? a.url : null;
  root.append(
    h('h2', {}, a.title ?? '(untitled)'),
    h(
      'p',
      { class: 'meta' },
      [a.outlet, a.date, `${a.numEvents} event${a.numEvents === 1 ? '' : 's'}`].filter(Boolean).join(' · '),
      url ? ' · ' : '',
      url ? h('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, 'original') : '',
    ),
    articleView(r.document, r.storedEvents, params.get('event') ?? undefined),
  );
}

const SAMPLE =
  'France accused Turkey on Wednesday of military involvement on the side of Azerbaijan in its conflict with Armenia ' +
  'over the breakaway Nagorno-Karabakh region.';

export function codePage(root: HTMLElement): void {
  const text = h('textarea', { name: 'text', rows: 8, 'aria-label': 'article text', 'data-testid': 'code-text', placeholder: SAMPLE });
  const date = h('input', { type: 'date', name: 'date', 'aria-label': 'publication date', 'data-testid': 'code-date' });
  date.value = new Date().toISOString().slice(0, 10);
  const title = h('input', { type: 'text', name: 'title', size: 40, 'aria-label': 'title (optional)', placeholder: 'title (optional)' });
  const out = h('div', { class: 'code-out', 'data-testid': 'code-result' });
  const btn = h('button', { type: 'submit', 'data-testid': 'code-submit' }, 'Code it');
  const form = h(
    'form',
    { class: 'code-form' },
    text,
    h('div', { class: 'filters' },
      h('label', { class: 'field' }, h('span', {}, 'Published'), date),
      h('label', { class: 'field' }, h('span', {}, 'Title'), title),
      btn,
      h('button', { type: 'button', class: 'secondary', onclick: () => { text.value = SAMPLE; date.value = '2020-10-07'; } }, 'Use an example'),
    ),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (!text.value.trim()) {
      out.replaceChildren(h('p', { class: 'error' }, 'Paste some text first.'));
      return;
    }
    btn.disabled = true;
    out.replaceChildren(h('p', { class: 'muted' }, 'Coding…'));
    post<CodedDocument>('/api/code', { text: text.value, date: date.value || undefined, title: title.value || undefined })
      .then((doc) => out.replaceChildren(articleView(doc)))
      .catch((e: Error) => out.replaceChildren(h('p', { class: 'error', role: 'alert' }, e.message)))
      .finally(() => (btn.disabled = false));
  });
  root.append(
    h('h2', {}, 'Code an article'),
    h('p', { class: 'hint' }, 'Paste a news text and its publication date: Dyad codes it on the server (nothing is stored) and shows the events with the words that fired them.'),
    form,
    out,
  );
}
