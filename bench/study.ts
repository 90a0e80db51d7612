import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The review screen's own chunk (ts-fsrs included) and the study chunks it pulls in that the first load does not. */
export function studyChunks(dist: string): void {
  const assets = join(dist, 'assets');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const file = readdirSync(assets).find((f) => /^ReviewView-.*\.js$/.test(f));
  if (!file) return console.log('review chunk: not found');
  const gz = (f: string) => gzipSync(readFileSync(join(assets, f)), { level: 9 }).length;
  const own = gz(file);
  const deps = [...readFileSync(join(assets, file), 'utf8').matchAll(/from"\.\/([^"]+\.js)"/g)].map((m) => m[1]!).filter((f) => !html.includes(f));
  const fsrs = deps.find((f) => readFileSync(join(assets, f), 'utf8').includes('request_retention'));
  console.log(
    `review screen: ${file} ${kb(own)} gzip; with every lazy chunk it imports (${deps.length}, ts-fsrs in ${fsrs ?? file}: ${kb(gz(fsrs ?? file))}) ${kb(own + deps.reduce((a, f) => a + gz(f), 0))} gzip; in the first load: ${html.includes('ReviewView') || (fsrs && html.includes(fsrs)) ? 'YES' : 'no'}`,
  );
}

type CpuProfile = { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[]; samples?: number[]; timeDeltas?: number[] };

/** MLSD_BENCH_PROFILE=1: where the main thread spent the grading phase (self time by function, and by file). */
function printProfile(p: CpuProfile): void {
  const self = new Map<number, number>();
  (p.samples ?? []).forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas?.[i] ?? 0) / 1000));
  const byFn = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const n of p.nodes) {
    const t = self.get(n.id) ?? 0;
    const file = n.callFrame.url.split('/').pop() || '(native)';
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + t);
    byFile.set(file, (byFile.get(file) ?? 0) + t);
  }
  // Top-down: where the time went, by call path (nodes over 1 % of the phase).
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const incl = new Map<number, number>();
  const total = (id: number): number => {
    const n = byId.get(id)!;
    const t = (self.get(id) ?? 0) + (n.children ?? []).reduce((a, c) => a + total(c), 0);
    incl.set(id, t);
    return t;
  };
  const all = total(p.nodes[0]!.id);
  const lines: string[] = [];
  const walk = (id: number, depth: number) => {
    const n = byId.get(id)!;
    if ((incl.get(id) ?? 0) < all * 0.01 || n.callFrame.functionName === '(idle)' || n.callFrame.functionName === '(program)') return;
    if (depth > 0) lines.push(`  ${(incl.get(id) ?? 0).toFixed(0).padStart(7)} ms ${'  '.repeat(depth)}${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`);
    for (const c of n.children ?? []) walk(c, depth + 1);
  };
  walk(p.nodes[0]!.id, 0);
  console.log(`grading phase, call tree (${all.toFixed(0)} ms sampled):\n${lines.join('\n')}`);
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${v.toFixed(0).padStart(7)} ms  ${k}`).join('\n');
  console.log(`grading phase, main-thread self time by file:\n${top(byFile, 12)}\nby function:\n${top(byFn, 25)}`);
}

/** What the main thread ran during one slow grade (`from` ms after profiling started; alignment within a few ms). */
function printWindow(p: CpuProfile, from: number, duration: number): void {
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const label = (id: number) => {
    const f = byId.get(id)!.callFrame;
    return `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
  };
  // Per sample: its leaf and the first frame of the app's own code above it (its cause).
  const seen = new Map<string, number>();
  let t = 0;
  (p.samples ?? []).forEach((id, i) => {
    t += (p.timeDeltas?.[i] ?? 0) / 1000;
    if (t < from || t > from + duration) return;
    const chain: string[] = [];
    for (let n: number | undefined = id; n !== undefined && chain.length < 40; n = parent.get(n)) chain.push(label(n));
    const app = chain.find((l) => /\.js:/.test(l)) ?? '';
    const key = `${chain[0]}  <-  ${app}  <-  ${chain.filter((l) => /\.js:/.test(l)).at(-1) ?? ''}`;
    seen.set(key, (seen.get(key) ?? 0) + (p.timeDeltas?.[i] ?? 0) / 1000);
  });
  const top = [...seen].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `    ${v.toFixed(0).padStart(5)} ms  ${k}`);
  console.log(`  grade at +${from.toFixed(0)} ms took ${duration.toFixed(0)} ms; main thread meanwhile (leaf <- nearest app frame <- outermost app frame):\n${top.join('\n')}`);
}

/** 400 guide cards + 1,000 user cards, 20,000 review-log rows over 90 days, schedules for 1,300 of them. */
async function seed(page: Page, now: number): Promise<void> {
  await page.evaluate(async (now) => {
    const db = await new Promise<IDBDatabase>((res) => {
      const r = indexedDB.open('mlsd-pocket');
      r.onsuccess = () => res(r.result);
    });
    const chapters = await new Promise<{ id: string; cards: { id: string }[] }[]>((res) => {
      const r = db.transaction('chapters').objectStore('chapters').getAll();
      r.onsuccess = () => res(r.result as { id: string; cards: { id: string }[] }[]);
    });
    const ids: { id: string; chapterId: string }[] = chapters.flatMap((c) => c.cards.map((k) => ({ id: k.id, chapterId: c.id })));
    const tx = db.transaction(['cards', 'reviews', 'schedule'], 'readwrite');
    for (let i = 0; i < 1000; i++) {
      const id = crypto.randomUUID();
      const chapterId = chapters[i % chapters.length]!.id;
      ids.push({ id, chapterId });
      tx.objectStore('cards').put({ id, question: `My question ${i} about **ranking**?`, answer: `My answer ${i}.`, highlightId: null, chapterId, sectionId: null, createdAt: now - 90 * 864e5, updatedAt: now - 90 * 864e5 });
    }
    const DAY = 864e5;
    const mem = (state: number, due: number, reps: number) => ({ state, due, stability: 5 + (reps % 40), difficulty: 5, reps, lapses: reps % 3, scheduledDays: 3, learningSteps: 0, lastReview: due - 3 * DAY });
    const graded = ids.slice(0, 1300);
    graded.forEach((c, i) => {
      const due = now - 3 * DAY + ((i * 7919) % (63 * 24)) * 3600e3; // spread from 3 days ago to 60 days ahead
      tx.objectStore('schedule').put({ cardId: c.id, chapterId: c.chapterId, question: 'q', ...mem(2, due, 1 + (i % 20)) });
    });
    for (let i = 0; i < 20_000; i++) {
      const c = graded[i % graded.length]!;
      const at = i < 150 ? now - (i + 1) * 60e3 : now - (1 + (i % 89)) * DAY - (i % 1000) * 1000;
      tx.objectStore('reviews').put({ id: crypto.randomUUID(), cardId: c.id, grade: 1 + (i % 4), reviewedAt: at, elapsedDays: 3, before: mem(2, at, 3), after: mem(2, at + 3 * DAY, 4) });
    }
    await new Promise((res) => (tx.oncomplete = res));
    db.close();
  }, now);
}

/**
 * The limit for grade → durable: in a database of its own in the same page, with the app's two
 * stores and their indexes, one readwrite transaction that gets the log entry and the card's
 * schedule, then puts both (records shaped like the app's, copied from its log) — the physical
 * work of a grade with nothing else. Exposed as `gradeLimit(n)`, returning its time in ms.
 */
async function setupGradeLimit(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const open = (name: string, up?: (db: IDBDatabase) => void) =>
      new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open(name, up ? 1 : undefined);
        if (up) r.onupgradeneeded = () => up(r.result);
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
    const app = await open('mlsd-pocket');
    const [entry, sched] = await new Promise<[Record<string, unknown>, Record<string, unknown>]>((res) => {
      const tx = app.transaction(['reviews', 'schedule']);
      const a = tx.objectStore('reviews').openCursor();
      const b = tx.objectStore('schedule').openCursor();
      tx.oncomplete = () => res([a.result!.value as Record<string, unknown>, b.result!.value as Record<string, unknown>]);
    });
    app.close();
    const db = await open('bench-grade-limit', (d) => {
      const reviews = d.createObjectStore('reviews', { keyPath: 'id' });
      reviews.createIndex('by-card', 'cardId');
      reviews.createIndex('by-time', 'reviewedAt');
      d.createObjectStore('schedule', { keyPath: 'cardId' }).createIndex('by-due', 'due');
    });
    const done = (r: IDBRequest) => new Promise((res, rej) => ((r.onsuccess = () => res(r.result)), (r.onerror = () => rej(r.error))));
    (globalThis as unknown as { gradeLimit: (n: number) => Promise<number> }).gradeLimit = async (n: number) => {
      const t0 = performance.now();
      const e = { ...entry, id: crypto.randomUUID(), cardId: `card-${n % 50}`, reviewedAt: Date.now() };
      const s = { ...sched, cardId: e.cardId, due: Date.now() + 864e5 };
      const tx = db.transaction(['reviews', 'schedule'], 'readwrite');
      await Promise.all([done(tx.objectStore('reviews').get(e.id)), done(tx.objectStore('schedule').get(s.cardId))]);
      tx.objectStore('reviews').put(e);
      tx.objectStore('schedule').put(s);
      await new Promise((res) => (tx.oncomplete = res));
      return performance.now() - t0;
    };
  });
}

/** Queue build and grade → durable on the review screen, CPU 4× slower (the guide must be installed in `page`). */
export async function studyFigures(page: Page, context: BrowserContext, url: string): Promise<void> {
  await page.goto(`${url}/`);
  await seed(page, Date.now());
  // A reader's second copy (the OPFS mirror) already holds their 20,000 reviews; the seed wrote them
  // behind the app's back, so let the mirror take them in once before anything is timed. Polled every
  // second, not every animation frame: run after the notebook figures, the per-frame poll timed out at
  // 300 s twice, while reading the stamp directly showed 20,000 within a minute.
  await page.goto(`${url}/review`);
  await page.waitForFunction(() => (JSON.parse(localStorage.getItem('mlsd-pocket:mirror') ?? '{}') as { counts?: { reviews?: number } }).counts?.reviews === 20_000, undefined, { timeout: 300_000, polling: 1000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const opens: number[] = [];
  const builds: number[] = [];
  const profiling = !!process.env.MLSD_BENCH_PROFILE;
  if (profiling) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  }
  for (let i = 0; i < 12; i++) {
    if (profiling && i === 11) await cdp.send('Profiler.start');
    await page.goto(`${url}/review`);
    await page.waitForFunction(() => performance.getEntriesByName('review-open').length > 0, undefined, { timeout: 60_000 });
    if (i < 2) continue; // warm-up
    opens.push(await page.evaluate(() => performance.getEntriesByName('review-open')[0]!.duration));
    builds.push(await page.evaluate(() => performance.getEntriesByName('review-queue-build')[0]!.duration));
  }
  if (profiling) {
    console.log('the last open (navigation → queue ready), profiled:');
    printProfile((await cdp.send('Profiler.stop')).profile);
  }
  console.log(`today's queue from 400 guide + 1,000 user cards and 20,000 log rows, CPU 4×: build median ${median(builds).toFixed(1)} ms, p95 ${p95(builds).toFixed(1)} ms; screen open → queue ready (IndexedDB reads included) median ${median(opens).toFixed(0)} ms, p95 ${p95(opens).toFixed(0)} ms`);

  // The annotation figures before this one empty the highlights store behind the app's back; the app
  // rightly restores them from its second copy and says so. Dismiss that notice as a user would.
  const notice = page.getByRole('button', { name: 'Dismiss' });
  if (await notice.isVisible()) await notice.click();
  const grades: number[] = [];
  let profiledFrom = 0;
  if (profiling) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    profiledFrom = await page.evaluate(() => performance.now());
  }
  await setupGradeLimit(page);
  const limits: number[] = [];
  for (let i = 0; i < 60; i++) {
    await page.getByRole('button', { name: 'Show answer', exact: true }).click();
    await page.getByRole('button', { name: i % 2 ? 'Good' : 'Easy', exact: true }).click();
    await page.waitForFunction((n) => performance.getEntriesByName('grade-durable').length > n, i);
    // The limit, interleaved: one bare transaction doing the same reads and writes.
    limits.push(await page.evaluate((n) => (globalThis as unknown as { gradeLimit: (n: number) => Promise<number> }).gradeLimit(n), i));
  }
  grades.push(...(await page.evaluate(() => performance.getEntriesByName('grade-durable').map((e) => e.duration))));
  if (profiling) {
    const profile = (await cdp.send('Profiler.stop')).profile as CpuProfile & { startTime: number };
    printProfile(profile);
    console.log(`each grade (ms): ${grades.map((g) => g.toFixed(0)).join(' ')}`);
    const slow = await page.evaluate(() => performance.getEntriesByName('grade-durable').filter((e) => e.duration > 50).map((e) => [e.startTime, e.duration] as const));
    for (const [start, duration] of slow) printWindow(profile, start - profiledFrom, duration);
  }
  console.log(`grade → durable in IndexedDB (log entry + schedule, one transaction), CPU 4×: median ${median(grades).toFixed(1)} ms, p95 ${p95(grades).toFixed(1)} ms (${grades.length} grades)`);
  console.log(
    `  limit, a bare transaction with the same two gets and two puts (interleaved, same page): median ${median(limits).toFixed(1)} ms, p95 ${p95(limits).toFixed(1)} ms; app/limit: median ${(median(grades) / median(limits)).toFixed(2)}×, p95 ${(p95(grades) / p95(limits)).toFixed(2)}×`,
  );
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
}
