/**
 * PLACES benchmark on generated news-style text (no shared data): toponyms and documents per
 * CPU second through findPlaces (median of several runs; CPU time because machines are shared),
 * the gazetteer's build time (wall) and the heap it takes.
 */
import { findPlaces, loadGazetteer, gazetteerLoadMs } from '../places/index.js';

const PLACES = [
  'Kyiv', 'Moscow', 'Geneva', 'Nagorno-Karabakh', 'Gaza Strip', 'West Bank', 'Idlib', 'Aleppo', 'Baghdad', 'Mosul',
  'Kabul', 'Kandahar', 'Tehran', 'Beirut', 'Damascus', 'Ankara', 'Istanbul', 'Cairo', 'Khartoum', 'Darfur', 'Tigray',
  'Addis Ababa', 'Nairobi', 'Mogadishu', 'Lagos', 'Abuja', 'Borno', 'Paris', 'London', 'Berlin', 'Brussels', 'Warsaw',
  'Washington', 'New York', 'Texas', 'California', 'Beijing', 'Taiwan', 'South China Sea', 'Black Sea', 'Crimea',
  'Donbas', 'Kharkiv', 'Odesa', 'Tbilisi', 'Baku', 'Yerevan', 'Ganja', 'Islamabad', 'Karachi', 'Kashmir', 'New Delhi',
  'Mumbai', 'Dhaka', 'Yangon', 'Manila', 'Jakarta', 'Caracas', 'Bogotá', 'Mexico City', 'Havana', 'Sahel', 'Bamako',
];
const COUNTRIES = ['Ukraine', 'Russia', 'Syria', 'Iraq', 'Afghanistan', 'Iran', 'Israel', 'Turkey', 'Sudan', 'Ethiopia', 'Nigeria', 'France', 'Germany', 'the United States', 'China', 'India', 'Pakistan', 'Azerbaijan', 'Armenia', 'Georgia', 'Venezuela', 'Mali'];
const PEOPLE = ['John Smith', 'Maria Lopez', 'Ahmed Hassan', 'Olena Kovalenko', 'David Chen', 'Fatima Bello', 'Peter Novak'];
const TEMPLATES = [
  'Heavy fighting erupted near {P} on {D}, officials in {C} said.',
  '{N}, a spokesman for the ministry, said talks would resume in {P} next week.',
  'Protesters gathered outside the embassy in {P} as leaders from {C} and {C} met in {P}.',
  'The government of {C} accused forces from {C} of shelling {P}, north of {P}.',
  'Aid convoys left {P} for {P} after a ceasefire brokered by {C}.',
  'Markets in {P} fell sharply while investors in {P} waited for the central bank.',
  'Reporters travelled from {P} to {P}, where {N} described the damage.',
  'Officials said the drone was launched from {P} and struck a depot outside {P}.',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generatePlaceDocs(n: number, seed = 7): string[] {
  const r = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const docs: string[] = [];
  for (let d = 0; d < n; d++) {
    const sentences: string[] = [];
    const len = 6 + Math.floor(r() * 8);
    for (let s = 0; s < len; s++) {
      sentences.push(
        pick(TEMPLATES)
          .replace(/\{P\}/g, () => pick(PLACES))
          .replace(/\{C\}/g, () => pick(COUNTRIES))
          .replace(/\{N\}/g, () => pick(PEOPLE))
          .replace(/\{D\}/g, () => pick(DAYS)),
      );
    }
    docs.push(sentences.join(' '));
  }
  return docs;
}

export async function benchPlaces(runs = 5, docsPerRun = 400): Promise<{ toponymsPerSecond: number; docsPerSecond: number; loadMs: number; heapMB: number }> {
  const heap0 = process.memoryUsage().heapUsed;
  loadGazetteer();
  const heapMB = Math.max(0, process.memoryUsage().heapUsed - heap0) / 1e6;
  const loadMs = gazetteerLoadMs();
  const docs = generatePlaceDocs(docsPerRun);
  const tps: number[] = [];
  const dps: number[] = [];
  for (let k = 0; k < runs; k++) {
    let found = 0;
    const c0 = process.cpuUsage();
    for (const d of docs) found += findPlaces(d).length;
    const c = process.cpuUsage(c0);
    const s = (c.user + c.system) / 1e6;
    tps.push(found / s);
    dps.push(docs.length / s);
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { toponymsPerSecond: median(tps), docsPerSecond: median(dps), loadMs, heapMB };
}
