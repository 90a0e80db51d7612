import type { Annotation } from '../annotations/types.ts';
import type { ContentManifest } from '../shared/content-types.ts';
import type { PocketDb } from '../storage/db.ts';
import { allAnnotations } from '../storage/annotations-repo.ts';
import { allUserCards, getSearchIndex, installedManifest, putSearchIndex, readInstalledGuide } from '../storage/search-repo.ts';
import type { UserCard } from '../study/types.ts';
import type { Filter, SearchAnswer, SearchDoc } from './doc-types.ts';
import { annotationDoc, chapterDocs, userCardDoc } from './documents.ts';
import { buildIndex, createIndex, loadIndex, remove, runSearch, upsert, type Index } from './engine.ts';

/**
 * The search index's owner (runs in the search worker; tests drive it in Node). Two MiniSearch
 * indexes: the guide's, tied to one content version (built from the chapters in IndexedDB, cached
 * per version), and the user's notes, highlights and cards, kept current record by record.
 */
export interface OpenReport {
  version: string | null;
  /** 'cache': loaded the stored index; 'built': built it now; 'none': no guide saved yet. */
  source: 'cache' | 'built' | 'none' | 'current';
  ms: number;
  docs: number;
  userDocs: number;
}

const USER_SLICE = 250;
/** Documents of the small first part of the guide index: anything with a title. */
const isHead = (d: SearchDoc): boolean => d.title.length > 0;

export class SearchService {
  /** The guide's index in two parts: headings, glossary terms and cards first (small, loads fast), then the text. */
  private guide: Index[] = [];
  /** Settles when the whole guide index (both parts) is loaded. */
  guideReady: Promise<void> = Promise.resolve();
  private version: string | null = null;
  private manifest: ContentManifest | null = null;
  private readonly user: Index = createIndex();
  private userLoaded = false;
  /** The pending write of a freshly built index to the cache (tests await it; searches never do). */
  caching: Promise<boolean> = Promise.resolve(false);

  private opening: Promise<unknown> = Promise.resolve();
  private cacheTimer: ReturnType<typeof setTimeout> | null = null;
  private cacheWrite: (() => void) | null = null;

  /** `quietMs`: how long searches must pause before a fresh index is serialised into the cache. */
  constructor(
    private readonly db: () => Promise<PocketDb>,
    private readonly now: () => number = Date.now,
    private readonly quietMs = 2000,
  ) {}

  get guideDocCount(): number {
    return this.guide.reduce((n, ix) => n + ix.documentCount, 0);
  }

  get userDocCount(): number {
    return this.user.documentCount;
  }

  get contentVersion(): string | null {
    return this.version;
  }

  /** Settles when the user's notes and cards are all in the index (they load after the guide, in slices). */
  userReady: Promise<void> = Promise.resolve();
  /** Ids written or deleted while the user's records were still loading: newer than what is being loaded. */
  private touched = new Set<string>();

  /**
   * Makes sure the guide index matches the installed version, and starts loading the user's
   * data (not awaited: the first answers come from the guide while notes stream in).
   */
  open(): Promise<OpenReport> {
    // One open at a time: a second caller waits, then finds everything current.
    const next = this.opening.then(() => this.openNow());
    this.opening = next.catch(() => undefined);
    return next;
  }

  private async openNow(): Promise<OpenReport> {
    const t0 = performance.now();
    const db = await this.db();
    const installed = await installedManifest(db);
    let source: OpenReport['source'] = 'current';
    if (!installed) {
      this.guide = [];
      this.version = null;
      this.manifest = null;
      source = 'none';
    } else if (installed.version !== this.version) {
      source = await this.loadGuide(db, installed);
    }
    if (!this.userLoaded || source === 'cache' || source === 'built') {
      this.userLoaded = true;
      this.userReady = this.loadUser(db).catch(() => {
        this.userLoaded = false;
      });
    }
    return { version: this.version, source, ms: performance.now() - t0, docs: this.guideDocCount, userDocs: this.user.documentCount };
  }

  private async loadGuide(db: PocketDb, installed: ContentManifest): Promise<'cache' | 'built' | 'none'> {
    const cached = await getSearchIndex(db, installed.version).catch(() => null);
    if (cached && typeof cached.head === 'string') {
      try {
        const head = loadIndex(cached.head);
        this.guide = [head];
        this.version = installed.version;
        this.manifest = installed;
        // The text part loads next, between answers: the first results come from the headings.
        this.guideReady = new Promise<void>((r) => setTimeout(r, 0)).then(() => {
          if (this.version === installed.version && this.guide[0] === head) this.guide = [head, loadIndex(cached.index)];
        });
        return 'cache';
      } catch {
        // A damaged cache is rebuilt below.
      }
    }
    const guide = await readInstalledGuide(db);
    if (!guide) return 'none';
    const byId = new Map(guide.chapters.map((c) => [c.id, c]));
    const docs: SearchDoc[] = [];
    guide.manifest.chapters.forEach((meta, rank) => {
      const chapter = byId.get(meta.id);
      if (chapter) docs.push(...chapterDocs(chapter, rank, meta.part === 'glossary'));
    });
    const [head, body] = [buildIndex(docs.filter(isHead)), buildIndex(docs.filter((d) => !isHead(d)))];
    this.guide = [head, body];
    this.guideReady = Promise.resolve();
    this.version = guide.manifest.version;
    this.manifest = guide.manifest;
    // A cache only, written once searches pause; failing to store it (quota) costs a rebuild
    // next time, nothing else.
    const version = this.version;
    this.caching = new Promise<void>((resolve) => {
      this.cacheWrite = resolve;
      this.postponeCache();
    })
      .then(() => putSearchIndex(db, { version, builtAt: this.now(), head: JSON.stringify(head), index: JSON.stringify(body) }))
      .catch(() => false);
    return 'built';
  }

  /** Serialising takes a while: it waits until the reader pauses typing. */
  private postponeCache(): void {
    if (!this.cacheWrite) return;
    if (this.cacheTimer) clearTimeout(this.cacheTimer);
    this.cacheTimer = setTimeout(() => {
      this.cacheWrite?.();
      this.cacheWrite = null;
      this.cacheTimer = null;
    }, this.quietMs);
  }

  private async loadUser(db: PocketDb): Promise<void> {
    this.touched.clear();
    const [annotations, cards] = await Promise.all([allAnnotations(db), allUserCards(db).catch(() => [] as UserCard[])]);
    this.user.removeAll();
    const records: Array<() => SearchDoc | null> = [...annotations.map((a) => () => this.noteDoc(a)), ...cards.map((c) => () => this.cardDoc(c))];
    // Small slices, each after a yield, so a search waiting in the worker is answered between them.
    for (let i = 0; i < records.length; i += USER_SLICE) {
      await new Promise((r) => setTimeout(r, 0));
      for (const make of records.slice(i, i + USER_SLICE)) {
        const d = make();
        if (d && !this.touched.has(d.id) && !this.user.has(d.id)) this.user.add(d);
      }
    }
    this.touched.clear();
  }

  private rank(chapterId: string | null): number {
    const i = chapterId ? (this.manifest?.chapters.findIndex((c) => c.id === chapterId) ?? -1) : -1;
    return i >= 0 ? i : 9_000;
  }

  private noteDoc(a: Annotation): SearchDoc | null {
    const meta = this.manifest?.chapters.find((c) => c.id === a.chapterId);
    const section = a.sectionId ? meta?.outline.find((o) => o.id === a.sectionId)?.title : undefined;
    return annotationDoc(a, this.rank(a.chapterId), section ?? meta?.title ?? 'Notes');
  }

  private cardDoc(c: UserCard): SearchDoc | null {
    return userCardDoc(c, c.chapterId ? this.rank(c.chapterId) : null);
  }

  /** A highlight or note was written (record) or deleted (null). */
  applyAnnotation(id: string, record: Annotation | null): void {
    const doc = record ? this.noteDoc(record) : null;
    this.touched.add(`n:${id}`);
    if (doc) upsert(this.user, doc);
    else remove(this.user, `n:${id}`);
  }

  /** A card of the user's was written (record) or deleted (null). */
  applyCard(id: string, record: UserCard | null): void {
    const doc = record ? this.cardDoc(record) : null;
    this.touched.add(`c:${id}`);
    if (doc) upsert(this.user, doc);
    else remove(this.user, `c:${id}`);
  }

  search(query: string, filter: Filter, limit: number): SearchAnswer {
    this.postponeCache();
    return runSearch([...this.guide, this.user], query, filter, limit, this.version);
  }
}
