import type { DateRule } from '../../types.js';

export const publicationDate: DateRule = {
  id: 'publication-date',
  reason: 'News reports the day\'s events: with no date in its clause, an event takes the publication date.',
  apply: (v) => ({ date: v.pubDate, dateRule: v.pubDate ? 'date/publication' : null, dateText: null }),
};
