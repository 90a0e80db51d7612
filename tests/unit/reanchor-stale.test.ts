import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findAnnotation, flushAnnotations, putAnnotation } from '../../src/annotations/annotation-store.ts';
import { reanchorStale } from '../../src/annotations/reanchor-stale.ts';
import { anchorFor } from '../../src/annotations/selectors.ts';
import type { Annotation } from '../../src/annotations/types.ts';
import type { ChapterPayload, ContentManifest } from '../../src/shared/content-types.ts';
import { treeText } from '../../src/shared/tree-text.ts';
import { getAnnotation } from '../../src/storage/annotations-repo.ts';
import { commitContent } from '../../src/storage/content-repo.ts';
import { closePocketDb, openPocketDb } from '../../src/storage/db.ts';

const v1Body = [
  ['h1', null, 'Step 5: Evaluate'],
  ['p', { id: 'i-p1' }, 'Pair every offline metric with an online twin and a guardrail that must not get worse.'],
  ['p', { id: 'i-p2' }, 'Peeking at a running test inflates false positives; decide the sample size before you start.'],
] as ChapterPayload['body'];
const v2Body = [
  ['h1', null, 'Step 5: Evaluate'],
  ['p', { id: 'i-p0' }, 'A new opening paragraph pushes everything down by a sentence or two.'],
  ['p', { id: 'i-p1' }, 'Pair every offline metric with an online twin and a guardrail that must never get worse.'],
  ['p', { id: 'i-p2' }, 'Peeking at a running test inflates false positives; fix the test length in advance.'],
] as ChapterPayload['body'];

const manifestFor = (hash: string, version: string): ContentManifest => ({
  version,
  chapters: [{ id: 'evaluate', part: 'framework', order: 6, title: 'Step 5: Evaluate', summary: 'S.', minutes: 1, tags: [], outline: [], hash, bytes: 1, cardCount: 0, words: 1 }],
});

const highlight = (text: string, phrase: string, id: string): Annotation => {
  const start = text.indexOf(phrase);
  return {
    id, chapterId: 'evaluate', anchor: anchorFor(text, start, start + phrase.length), sectionId: null, colour: 'yellow', note: 'mine',
    contentVersion: 'v1', chapterHash: 'h1', status: 'anchored', createdAt: 1, updatedAt: 1,
  };
};

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => closePocketDb());

describe('re-anchoring after a content update, without opening the chapter', () => {
  it('moves highlights whose text survived and orphans the one whose text is gone', async () => {
    const db = await openPocketDb();
    const t1 = treeText(v1Body);
    const kept = highlight(t1, 'offline metric with an online twin', '11111111-1111-4111-8111-111111111111');
    const edited = highlight(t1, 'a guardrail that must not get worse', '22222222-2222-4222-8222-222222222222');
    const gone = highlight(t1, 'decide the sample size before you start', '33333333-3333-4333-8333-333333333333');
    [kept, edited, gone].forEach(putAnnotation);
    await flushAnnotations();
    const v2 = manifestFor('h2', 'v2');
    await commitContent(db, v2, [{ id: 'evaluate', hash: 'h2', title: 'Step 5: Evaluate', body: v2Body, cards: [] }], []);

    expect(await reanchorStale(v2)).toBe(3);
    await flushAnnotations();
    const t2 = treeText(v2Body);
    const k = (await getAnnotation(db, kept.id))!;
    expect(k.status).toBe('anchored');
    expect(t2.slice(k.anchor!.position.start, k.anchor!.position.end)).toBe('offline metric with an online twin');
    expect(k.chapterHash).toBe('h2');
    const e = (await getAnnotation(db, edited.id))!;
    expect(e.status).toBe('anchored');
    expect(t2.slice(e.anchor!.position.start, e.anchor!.position.end)).toBe('a guardrail that must never get worse');
    const g = (await getAnnotation(db, gone.id))!;
    expect(g.status).toBe('orphaned');
    expect(g.anchor!.quote.exact).toBe('decide the sample size before you start');
    expect(g.note).toBe('mine');
    expect(findAnnotation(gone.id)?.status).toBe('orphaned');
    // Nothing is stale any more.
    expect(await reanchorStale(v2)).toBe(0);
  });
});
