import { describe, expect, it } from 'vitest';
import { reanchor } from '../../src/annotations/reanchor.ts';
import { anchorFor } from '../../src/annotations/selectors.ts';
import { smartQuotes, smartQuotesText } from '../../src/content/build/typography.ts';
import type { TreeNode } from '../../src/shared/content-types.ts';
import { treeText } from '../../src/shared/tree-text.ts';

describe('curly quotes at build time', () => {
  it('turns apostrophes and quotes curly, across inline tags, and leaves code alone', () => {
    const body: TreeNode[] = [
      ['p', null, "Don't say \"always\"; it's the model's ", ['em', null, 'job'], "'s part. 'Quoted' and (\"nested\")."],
      ['p', null, 'Run ', ['code', null, "print('hi') \"x\""], ' then "go".'],
      ['pre', null, ['code', null, "a = 'b'"]],
      ['li', null, '"Start of block"'],
    ];
    const out = smartQuotes(body);
    expect(treeText([out[0]!])).toBe('Don’t say “always”; it’s the model’s job’s part. ‘Quoted’ and (“nested”).');
    expect(treeText([out[1]!])).toBe('Run print(\'hi\') "x" then “go”.');
    expect(treeText([out[2]!])).toBe("a = 'b'");
    expect(treeText([out[3]!])).toBe('“Start of block”');
    expect(smartQuotesText("The '90s? No: it's fine")).toBe('The ‘90s? No: it’s fine');
  });

  it('keeps every offset, so a highlight saved on the straight text is placed again exactly', () => {
    const before: TreeNode[] = [['p', null, "Clicks reward the promise, not the delivery: that's why \"watch time\" was chosen instead of clicks."]];
    const after = smartQuotes(before);
    const oldText = treeText(before);
    const newText = treeText(after);
    expect(newText.length).toBe(oldText.length);
    const start = oldText.indexOf("that's");
    const saved = anchorFor(oldText, start, start + "that's why \"watch time\"".length);
    const placed = reanchor(saved, newText);
    expect(placed).toMatchObject({ status: 'anchored', start, end: saved.position.end, method: 'position' });
  });
});

describe('the built guide', () => {
  it('has no straight quote left in its prose (code excepted), and keeps card ids from the straight text', async () => {
    const { compileContent, readContentDir } = await import('../../src/content/build/compile.ts');
    const { createHash } = await import('node:crypto');
    const r = compileContent(readContentDir(new URL('../../content', import.meta.url).pathname));
    const straight: string[] = [];
    const walk = (n: TreeNode, where: string, code: boolean) => {
      if (typeof n === 'string') {
        if (!code && /['"]/.test(n)) straight.push(`${where}: ${n.slice(0, 60)}`);
        return;
      }
      (n.slice(2) as TreeNode[]).forEach((c) => walk(c, where, code || n[0] === 'code' || n[0] === 'pre' || n[0] === 'svg'));
    };
    for (const c of r.chapters) c.payload.body.forEach((n) => walk(n, c.meta.id, false));
    expect(straight).toEqual([]);
    // A card's id hashes its question as written (straight quotes), so curly quotes do not change it.
    const card = r.chapters.flatMap((c) => c.payload.cards).find((k) => /[’“”]/.test(treeText(k.question)));
    if (card) {
      const asWritten = treeText(card.question).replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
      const glossaryCard = card.chapterId === 'glossary';
      if (!glossaryCard) expect(card.id).toBe(`${card.chapterId}:${createHash('sha256').update(asWritten.trim().toLowerCase()).digest('hex').slice(0, 10)}`);
    }
  }, 180_000);
});
