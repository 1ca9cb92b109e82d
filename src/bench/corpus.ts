/**
 * A seeded generator of news-style articles for benchmarks and load tests: varied templates over
 * actors, verbs, places and dates. Deterministic for a given (n, seed).
 */

export interface GeneratedArticle {
  url: string;
  title: string;
  date: string;
  outlet: string;
  text: string;
}

/** mulberry32: a small, fast, seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface CountryForms {
  name: string;
  adj: string;
  capital: string;
  city: string;
}

const COUNTRIES: CountryForms[] = [
  { name: 'France', adj: 'French', capital: 'Paris', city: 'Marseille' },
  { name: 'Turkey', adj: 'Turkish', capital: 'Ankara', city: 'Istanbul' },
  { name: 'Russia', adj: 'Russian', capital: 'Moscow', city: 'Belgorod' },
  { name: 'Ukraine', adj: 'Ukrainian', capital: 'Kyiv', city: 'Kharkiv' },
  { name: 'Israel', adj: 'Israeli', capital: 'Jerusalem', city: 'Haifa' },
  { name: 'the United States', adj: 'American', capital: 'Washington', city: 'New York' },
  { name: 'China', adj: 'Chinese', capital: 'Beijing', city: 'Shanghai' },
  { name: 'Armenia', adj: 'Armenian', capital: 'Yerevan', city: 'Gyumri' },
  { name: 'Azerbaijan', adj: 'Azerbaijani', capital: 'Baku', city: 'Ganja' },
  { name: 'India', adj: 'Indian', capital: 'New Delhi', city: 'Mumbai' },
  { name: 'Pakistan', adj: 'Pakistani', capital: 'Islamabad', city: 'Lahore' },
  { name: 'Germany', adj: 'German', capital: 'Berlin', city: 'Hamburg' },
  { name: 'Egypt', adj: 'Egyptian', capital: 'Cairo', city: 'Alexandria' },
  { name: 'Iran', adj: 'Iranian', capital: 'Tehran', city: 'Isfahan' },
  { name: 'Japan', adj: 'Japanese', capital: 'Tokyo', city: 'Osaka' },
  { name: 'Brazil', adj: 'Brazilian', capital: 'Brasilia', city: 'Sao Paulo' },
  { name: 'Kenya', adj: 'Kenyan', capital: 'Nairobi', city: 'Mombasa' },
  { name: 'Georgia', adj: 'Georgian', capital: 'Tbilisi', city: 'Batumi' },
  { name: 'Serbia', adj: 'Serbian', capital: 'Belgrade', city: 'Novi Sad' },
  { name: 'the Philippines', adj: 'Philippine', capital: 'Manila', city: 'Cebu' },
];

const IGOS = ['the European Union', 'the United Nations', 'NATO', 'the African Union'];
const OFFICES = ['foreign minister', 'defence minister', 'president', 'prime minister', 'interior minister'];
const OUTLETS = ['Meridian Wire', 'The Harbour Times', 'Continental Post', 'Global Ledger', 'Eastern Courier', 'Northern Gazette'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const TOPICS = ['energy', 'migration', 'trade', 'border security', 'grain exports', 'nuclear safety', 'fishing rights', 'water sharing'];
const GRIEVANCES = [
  'violating its airspace',
  'interfering in its elections',
  'mistreating its citizens',
  'breaking the ceasefire',
  'spreading false information',
  'supporting armed groups',
];

type Pick = <T>(xs: readonly T[]) => T;

/** Ways to name a country as an actor. */
function actorPhrase(c: CountryForms, pick: Pick): string {
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return pick([
    cap(c.name),
    `The ${c.adj} government`,
    `${c.adj} ${pick(OFFICES).replace(/^\w/, (m) => m.toUpperCase())}`,
    `The ${c.adj} ${pick(OFFICES)}`,
    `${c.adj} officials`,
  ]).replace(/^The the /, 'The ');
}

function objectPhrase(c: CountryForms, pick: Pick): string {
  return pick([c.name, `the ${c.adj} government`, c.capital, `${c.adj} officials`]);
}

type Template = (a: CountryForms, b: CountryForms, day: string, pick: Pick) => { sentence: string; title: string };

const EVENTS: Template[] = [
  (a, b, d, p) => ({ sentence: `${actorPhrase(a, p)} accused ${objectPhrase(b, p)} on ${d} of ${p(GRIEVANCES)}.`, title: `${cap(a.name)} accuses ${b.name}` }),
  (a, b, d, p) => ({ sentence: `${actorPhrase(a, p)} met ${objectPhrase(b, p)} in ${a.capital} on ${d} to discuss ${p(TOPICS)}.`, title: `${cap(a.name)} and ${b.name} hold talks` }),
  (a, b, d, p) => ({ sentence: `${actorPhrase(a, p)} condemned ${objectPhrase(b, p)} on ${d} for ${p(GRIEVANCES)}.`, title: `${cap(a.name)} condemns ${b.name}` }),
  (a, b, d) => ({ sentence: `${cap(a.name)} imposed sanctions on ${b.adj} officials on ${d}.`, title: `${cap(a.name)} sanctions ${b.name}` }),
  (a, b, d, p) => ({ sentence: `${cap(a.name)} and ${b.name} signed an agreement on ${p(TOPICS)} on ${d}.`, title: `${cap(a.name)} and ${b.name} sign deal` }),
  (a, b, d) => ({ sentence: `${cap(a.name)} sent humanitarian aid to ${b.name} on ${d}, officials said.`, title: `${cap(a.name)} sends aid to ${b.name}` }),
  (a, b, d) => ({ sentence: `${cap(a.name)} expelled two ${b.adj} diplomats on ${d}.`, title: `${cap(a.name)} expels ${b.adj} diplomats` }),
  (a, b, d, p) => ({ sentence: `${actorPhrase(a, p)} threatened ${objectPhrase(b, p)} with retaliation on ${d}.`, title: `${cap(a.name)} threatens ${b.name}` }),
  (a, b, d) => ({ sentence: `${a.adj} forces shelled ${b.adj} positions near ${b.city} on ${d}.`, title: `${a.adj} forces shell ${b.city}` }),
  (a, b, d) => ({ sentence: `${a.adj} troops attacked ${b.adj} border posts on ${d}, killing two soldiers.`, title: `${a.adj} troops attack ${b.adj} posts` }),
  (a, b, d, p) => ({ sentence: `${actorPhrase(a, p)} praised ${objectPhrase(b, p)} on ${d} for its help with ${p(TOPICS)}.`, title: `${cap(a.name)} praises ${b.name}` }),
  (a, b, d) => ({ sentence: `${cap(a.name)} called on ${b.name} on ${d} to agree to an immediate ceasefire.`, title: `${cap(a.name)} urges ceasefire` }),
];

const PROTESTS: Array<(a: CountryForms, d: string) => { sentence: string; title: string }> = [
  (a, d) => ({ sentence: `Thousands of protesters demonstrated in ${a.capital} on ${d} against rising prices.`, title: `Protests in ${a.capital}` }),
  (a, d) => ({ sentence: `${a.adj} police arrested dozens of demonstrators in ${a.city} on ${d}.`, title: `Arrests in ${a.city}` }),
];

const SECONDARY: Template[] = [
  (a, b, _d, p) => ({ sentence: `${cap(b.name)} rejected the accusation and said ${a.name} was ${p(['misleading the public', 'seeking a pretext', 'wrong'])}.`, title: '' }),
  (a, b) => ({ sentence: `${cap(b.name)} has not responded to the proposal from ${a.capital}.`, title: '' }),
  (a, b) => ({ sentence: `${cap(a.name)} could impose further sanctions on ${b.name} if the talks fail, diplomats said.`, title: '' }),
  (a, b, _d, p) => ({ sentence: `${p(IGOS).replace(/^t/, 'T')} called on ${a.name} and ${b.name} to show restraint.`, title: '' }),
  (a, b) => ({ sentence: `The two governments agreed to meet again next month in ${b.capital}.`, title: `${a.name}` }),
];

const FILLER = [
  'Officials said the talks would continue next week.',
  'The ministry did not give further details.',
  'Analysts said relations between the two countries had been tense for months.',
  'The statement was published on the ministry website.',
  'Markets reacted calmly to the news.',
  'Diplomats described the mood as frank.',
  'Local media reported large crowds in the city centre.',
  'The announcement followed weeks of negotiations.',
];

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

/** `n` news-style articles (4–9 sentences each) between 2024-01-01 and 2024-06-29. */
export function* generateArticles(n: number, seed = 1): Generator<GeneratedArticle> {
  const r = rng(seed);
  const pick: Pick = (xs) => xs[Math.floor(r() * xs.length)]!;
  const base = Date.UTC(2024, 0, 1);
  for (let i = 0; i < n; i++) {
    const a = pick(COUNTRIES);
    let b = pick(COUNTRIES);
    while (b === a) b = pick(COUNTRIES);
    const t = base + Math.floor(r() * 180) * 86_400_000;
    const date = new Date(t).toISOString().slice(0, 10);
    const weekday = WEEKDAYS[(new Date(t).getUTCDay() + 6) % 7]!;
    const sentences: string[] = [];
    let title: string;
    if (r() < 0.12) {
      const p = pick(PROTESTS)(a, weekday);
      sentences.push(p.sentence);
      title = p.title;
    } else {
      const e = pick(EVENTS)(a, b, weekday, pick);
      sentences.push(e.sentence);
      title = e.title;
    }
    const extra = 3 + Math.floor(r() * 6);
    for (let k = 0; k < extra; k++) {
      const x = r();
      if (x < 0.3) sentences.push(pick(SECONDARY)(a, b, weekday, pick).sentence);
      else if (x < 0.55) sentences.push(pick(EVENTS)(pick([a, b]), pick(COUNTRIES.filter((c) => c !== a && c !== b)), weekday, pick).sentence);
      else {
        const f = pick(FILLER);
        if (!sentences.includes(f)) sentences.push(f);
      }
    }
    const paragraphs: string[] = [];
    for (let k = 0; k < sentences.length; k += 2) paragraphs.push(sentences.slice(k, k + 2).join(' '));
    const outlet = pick(OUTLETS);
    yield {
      url: `https://${slug(outlet)}.example/${date.replace(/-/g, '/')}/${slug(title)}-${seed}-${i}`,
      title,
      date,
      outlet,
      text: paragraphs.join('\n\n'),
    };
  }
}
