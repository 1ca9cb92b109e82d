/** The Dyad dashboard: a single-page app over the JSON API, with hash routes. */
import { ApiError } from './api.js';
import { clear, h } from './dom.js';
import { parseHash } from './router.js';
import { overviewPage } from './pages/overview.js';
import { dyadPage } from './pages/dyad.js';
import { networkPage } from './pages/network.js';
import { eventPage, eventsPage } from './pages/events.js';
import { articlePage, codePage } from './pages/article.js';

const NAV: Array<[string, string]> = [
  ['overview', 'Overview'],
  ['dyad', 'Dyads'],
  ['network', 'Network'],
  ['events', 'Events'],
  ['code', 'Code an article'],
];

let generation = 0;

async function render(): Promise<void> {
  const app = document.getElementById('app')!;
  const route = parseHash(location.hash);
  const gen = ++generation;
  for (const a of document.querySelectorAll<HTMLAnchorElement>('nav a')) {
    a.classList.toggle('current', a.dataset['route'] === route.name || (route.name === 'event' && a.dataset['route'] === 'events'));
  }
  const page = h('div', { class: 'page', 'data-page': route.name });
  const loading = h('p', { class: 'muted loading' }, 'Loading…');
  clear(app);
  app.append(loading);
  document.body.dataset['ready'] = 'false';
  try {
    switch (route.name) {
      case 'overview':
        await overviewPage(page, route.params);
        break;
      case 'dyad':
        await dyadPage(page, route.params);
        break;
      case 'network':
        await networkPage(page, route.params);
        break;
      case 'events':
        await eventsPage(page, route.params);
        break;
      case 'event':
        await eventPage(page, route.arg ?? '');
        break;
      case 'article':
        await articlePage(page, route.arg ?? '', route.params);
        break;
      case 'code':
        codePage(page);
        break;
      default:
        page.append(h('h2', {}, 'Not found'), h('p', {}, `There is no page “${route.name}”.`), h('a', { href: '#/overview' }, 'Back to the overview'));
    }
  } catch (e) {
    const msg = e instanceof ApiError ? `${e.message} (HTTP ${e.status})` : (e as Error).message;
    page.append(h('p', { class: 'error', role: 'alert' }, msg));
  }
  if (gen !== generation) return;
  clear(app);
  app.append(page);
  document.body.dataset['ready'] = 'true';
  document.title = `Dyad · ${NAV.find(([r]) => r === route.name)?.[1] ?? route.name}`;
}

function boot(): void {
  const nav = document.querySelector('nav')!;
  for (const [route, label] of NAV) nav.append(h('a', { href: `#/${route}`, 'data-route': route }, label));
  window.addEventListener('hashchange', () => void render());
  void render();
}

boot();
