/** Hash routes: #/overview, #/dyad?a=FRA&b=TUR, #/network, #/events?…, #/event/ID, #/article/ID, #/code. */
export interface Route {
  name: string;
  arg: string | null;
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [path, query] = [raw.split('?')[0] ?? '', raw.split('?').slice(1).join('?')];
  const [name, ...rest] = path.split('/');
  return { name: name || 'overview', arg: rest.length ? decodeURIComponent(rest.join('/')) : null, params: new URLSearchParams(query) };
}

export function href(name: string, params: Record<string, string | number | null | undefined> = {}, arg?: string): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') sp.set(k, String(v));
  const q = sp.toString();
  return `#/${name}${arg !== undefined ? '/' + encodeURIComponent(arg) : ''}${q ? '?' + q : ''}`;
}

export function go(name: string, params: Record<string, string | number | null | undefined> = {}, arg?: string): void {
  location.hash = href(name, params, arg);
}
