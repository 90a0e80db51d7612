import type { Annotation } from '../annotations/types.ts';
import type { ContentManifest } from '../shared/content-types.ts';
import type { PocketDb } from '../storage/db.ts';
import { allAnnotations } from '../storage/annotations-repo.ts';
import { allUserCards, getPostings, installedWithIndex, putSearchIndex, readInstalledGuide } from '../storage/search-repo.ts';
import type { UserCard } from '../study/types.ts';
import { packDocs, unpackDocs } from './doc-table.ts';
import type { Filter, SearchAnswer, SearchDoc } from './doc-types.ts';
import { annotationDoc, chapterDocs, userCardDoc } from './documents.ts';
import { buildGuideIndexAsync, createIndex, guideCollection, loadIndexAsync, remove, runSearch, upsert, type Collection, type Index } from './engine.ts';
import { scanText, type ScanText } from './scan.ts';
import type { StoredSearchIndex } from './types.ts';

/**
 * The search index's owner (runs in the search worker; tests drive it in Node). The guide: its
 * documents and a MiniSearch index of them, tied to one content version (built from the chapters
 * in IndexedDB, cached per version). The documents come first — a small read — and answer by a
 * plain scan until the index has loaded, so a cold open never waits for the index. The user's
 * notes, highlights and cards: a second index, kept current record by record.
 */
export interface OpenReport {
  version: string | null;
  /** 'cache': loaded the stored index; 'built': built it now; 'none': no guide saved yet. */
  source: 'cache' | 'built' | 'none' | 'current';
  ms: number;
  /** Guide documents searchable now (by scan until the index is in). */
  docs: number;
  /** The user's documents in the index so far (they load after the guide: see `settled`). */
  userDocs: number;
  /** Milliseconds from the start of the open: database open, cache read, documents ready. */
  phases: Record<string, number>;
}

/** Once everything has loaded: how long the guide's index and the user's records took, and the counts. */
export interface SettledReport {
  version: string | null;
  guideMs: number;
  userMs: number;
  docs: number;
  userDocs: number;
}

const USER_SLICE = 250;
const FORMAT = 2;
const tick = () => new Promise<void>((r) => setTimeout(r, 0));
/** A card's state in one number: a newer edit or a deletion changes it. */
const stampOf = (c: UserCard): number => (c.deleted ? -c.updatedAt - 1 : c.updatedAt);

export class SearchService {
  private docs: SearchDoc[] = [];
  private index: Index | null = null;
  private scan: ScanText | null = null;
  /** Settles when the guide's index is loaded or built (searches scan the documents until then). */
  guideReady: Promise<void> = Promise.resolve();
  private version: string | null = null;
  private manifest: ContentManifest | null = null;
  private readonly user: Index = createIndex();
  private readonly userDocs = new Map<string, SearchDoc>();
  private readonly userCollection: Collection = { index: this.user, doc: (id) => this.userDocs.get(id as string) };
  private readonly cardStamps = new Map<string, number>();
  private userLoaded = false;
  /** The pending write of a freshly built index to the cache (tests await it; searches never do). */
  caching: Promise<boolean> = Promise.resolve(false);

  private opening: Promise<unknown> = Promise.resolve();
  private cacheTimer: ReturnType<typeof setTimeout> | null = null;
  private cacheWrite: (() => void) | null = null;
  private openedAt = 0;
  private guideMs = 0;
  private userMs = 0;

  /** `quietMs`: how long searches must pause before a fresh index is serialised into the cache. */
  constructor(
    private readonly db: () => Promise<PocketDb>,
    private readonly now: () => number = Date.now,
    private readonly quietMs = 2000,
  ) {}

  get guideDocCount(): number {
    return this.docs.length;
  }

  get userDocCount(): number {
    return this.user.documentCount;
  }

  get contentVersion(): string | null {
    return this.version;
  }

  /** True once the guide's MiniSearch index is loaded (before that, answers come from a scan). */
  get indexed(): boolean {
    return this.index !== null || this.docs.length === 0;
  }

  /** Settles when the user's notes and cards are all in the index (they load after the guide, in slices). */
  userReady: Promise<void> = Promise.resolve();
  /** Ids written or deleted while the user's records were still loading: newer than what is being loaded. */
  private touched = new Set<string>();

  /**
   * Makes sure the guide matches the installed version (`hint`: the version the page expects),
   * and starts loading the guide's index and the user's data (not awaited).
   */
  open(hint: string | null = null): Promise<OpenReport> {
    // One open at a time: a second caller waits, then finds everything current.
    const next = this.opening.then(() => this.openNow(hint));
    this.opening = next.catch(() => undefined);
    return next;
  }

  /** Both loads done, with their times (for the bench and the worker's 'settled' message). */
  async settled(): Promise<SettledReport> {
    await Promise.all([this.guideReady, this.userReady]);
    return { version: this.version, guideMs: this.guideMs, userMs: this.userMs, docs: this.docs.length, userDocs: this.user.documentCount };
  }

  private async openNow(hint: string | null): Promise<OpenReport> {
    const t0 = performance.now();
    this.openedAt = t0;
    const phases: Record<string, number> = {};
    const db = await this.db();
    phases.db = performance.now() - t0;
    const { manifest: installed, cached } = await installedWithIndex(db, hint ?? this.version);
    phases.read = performance.now() - t0;
    let source: OpenReport['source'] = 'current';
    if (!installed) {
      this.setGuide(null, []);
      this.guideReady = Promise.resolve();
      source = 'none';
    } else if (installed.version !== this.version) {
      source = await this.loadGuide(db, installed, cached);
    }
    phases.docs = performance.now() - t0;
    if (!this.userLoaded || source === 'cache' || source === 'built') {
      this.userLoaded = true;
      this.userReady = this.loadUser(db).catch(() => {
        this.userLoaded = false;
      });
    }
    return { version: this.version, source, ms: performance.now() - t0, docs: this.docs.length, userDocs: this.user.documentCount, phases };
  }

  private setGuide(manifest: ContentManifest | null, docs: SearchDoc[]): void {
    this.manifest = manifest;
    this.version = manifest?.version ?? null;
    this.docs = docs;
    this.index = null;
    this.scan = null;
  }

  private async loadGuide(db: PocketDb, installed: ContentManifest, cached: StoredSearchIndex | null): Promise<'cache' | 'built' | 'none'> {
    if (cached?.format === FORMAT && typeof cached.docs === 'string') {
      try {
        const docs = unpackDocs(JSON.parse(cached.docs));
        this.setGuide(installed, docs);
        // The postings are read and loaded between answers (MiniSearch yields every thousand
        // terms); missing or damaged ones are rebuilt from the documents.
        this.guideReady = tick()
          .then(() => getPostings(db, installed.version))
          .then((json) => (json === null ? buildGuideIndexAsync(docs) : loadIndexAsync(json)))
          .catch(() => buildGuideIndexAsync(docs))
          .then((ix) => this.indexReady(docs, ix));
        return 'cache';
      } catch {
        // Damaged documents: rebuilt below.
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
    this.setGuide(guide.manifest, docs);
    const version = guide.manifest.version;
    const built = tick().then(() => buildGuideIndexAsync(docs));
    this.guideReady = built.then((ix) => this.indexReady(docs, ix));
    // A cache only, written once searches pause; failing to store it (quota) costs a rebuild
    // next time, nothing else.
    this.caching = built
      .then((ix) => new Promise<Index>((resolve) => {
        this.cacheWrite = () => resolve(ix);
        this.postponeCache();
      }))
      .then((ix) => putSearchIndex(db, version, this.now(), { format: FORMAT, docs: JSON.stringify(packDocs(docs)), index: JSON.stringify(ix) }))
      .catch(() => false);
    return 'built';
  }

  private indexReady(docs: SearchDoc[], index: Index): void {
    if (this.docs !== docs) return; // the guide moved on meanwhile
    this.index = index;
    this.scan = null;
    this.guideMs = performance.now() - this.openedAt;
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
    this.userDocs.clear();
    this.cardStamps.clear();
    const records: Array<() => void> = [
      ...annotations.map((a) => () => this.addLoaded(this.noteDoc(a))),
      ...cards.map((c) => () => {
        if (this.addLoaded(this.cardDoc(c)) || (c.deleted && !this.touched.has(`c:${c.id}`))) this.cardStamps.set(c.id, stampOf(c));
      }),
    ];
    // Small slices, each after a yield, so a search waiting in the worker is answered between them.
    for (let i = 0; i < records.length; i += USER_SLICE) {
      await tick();
      for (const add of records.slice(i, i + USER_SLICE)) add();
    }
    this.touched.clear();
    this.userMs = performance.now() - this.openedAt;
  }

  /** Adds a loaded record unless a newer write of it arrived meanwhile; true when added. */
  private addLoaded(d: SearchDoc | null): boolean {
    if (!d || this.touched.has(d.id) || this.userDocs.has(d.id)) return false;
    this.userDocs.set(d.id, d);
    upsert(this.user, d);
    return true;
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

  private put(id: string, doc: SearchDoc | null): void {
    this.touched.add(id);
    if (doc) {
      this.userDocs.set(id, doc);
      upsert(this.user, doc);
    } else {
      this.userDocs.delete(id);
      remove(this.user, id);
    }
  }

  /** A highlight or note was written (record) or deleted (null). */
  applyAnnotation(id: string, record: Annotation | null): void {
    this.put(`n:${id}`, record ? this.noteDoc(record) : null);
  }

  /** A card of the user's was written (record) or deleted (null). */
  applyCard(id: string, record: UserCard | null): void {
    this.put(`c:${id}`, record ? this.cardDoc(record) : null);
    if (record) this.cardStamps.set(id, stampOf(record));
    else this.cardStamps.delete(id);
  }

  /**
   * Re-reads the user's cards and applies what changed since they were indexed (another tab made,
   * edited or deleted one: that tab only says "study data changed"). True when anything changed.
   */
  async refreshCards(): Promise<boolean> {
    await this.userReady;
    const cards = await allUserCards(await this.db());
    let changed = false;
    const live = new Set<string>();
    for (const c of cards) {
      live.add(c.id);
      if (this.cardStamps.get(c.id) === stampOf(c)) continue;
      this.applyCard(c.id, c);
      changed = true;
    }
    for (const id of [...this.cardStamps.keys()]) {
      if (live.has(id)) continue;
      this.applyCard(id, null);
      changed = true;
    }
    return changed;
  }

  search(query: string, filter: Filter, limit: number): SearchAnswer {
    this.postponeCache();
    const collections = [this.userCollection];
    if (this.index) collections.unshift(guideCollection(this.docs, this.index));
    else if (this.docs.length) this.scan ??= scanText(this.docs);
    return runSearch(collections, query, filter, limit, this.version, this.index ? undefined : (this.scan ?? undefined));
  }
}
