/**
 * The text stages:
 *   text.clean    the article's title, standfirst, paragraphs and captions, debris dropped;
 *   text.analyse  the cleaned text, its sentences and tokens (wink-nlp).
 */
import { defineStage } from '../model/stage.js';
import { cleanArticle } from './clean.js';
import { analyse, type Segment } from './tokens.js';

export const textClean = defineStage({
  name: 'text.clean',
  requires: [],
  assigns: ['article'],
  resources: [],
  run(doc, _res, input) {
    const c = cleanArticle({ text: input.raw, title: input.title, detectTitle: input.detectTitle, date: doc.meta.date });
    return { article: { title: c.title, standfirst: c.standfirst, paragraphs: c.paragraphs, captions: c.captions, dropped: c.dropped, dateline: c.dateline } };
  },
});

export const textAnalyse = defineStage({
  name: 'text.analyse',
  requires: ['article'],
  assigns: ['text', 'sentences', 'tokens', 'textNotes'],
  resources: [],
  run(doc) {
    const { title, standfirst, paragraphs } = doc.layers.article;
    const segs: Segment[] = [];
    if (title) segs.push({ text: title, part: 'title', paragraph: segs.length });
    if (standfirst) segs.push({ text: standfirst, part: 'standfirst', paragraph: segs.length });
    for (const p of paragraphs) segs.push({ text: p, part: 'body', paragraph: segs.length });
    const a = analyse(segs);
    return { text: a.text, sentences: a.sentences, tokens: a.tokens, textNotes: a.notes };
  },
});
