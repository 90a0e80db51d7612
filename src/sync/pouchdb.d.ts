// The small part of PouchDB 9's API that src/sync uses (the packages ship no types of their own).
declare module 'pouchdb-core' {
  export interface PouchDoc {
    _id: string;
    _rev?: string;
    _deleted?: boolean;
    _conflicts?: string[];
    _revisions?: { start: number; ids: string[] };
    [field: string]: unknown;
  }
  export interface PouchError {
    status?: number;
    name?: string;
    error?: string | boolean;
    reason?: string;
    message?: string;
  }
  export interface EventSource<Events extends Record<string, (...args: never[]) => void>> {
    on<K extends keyof Events>(event: K, fn: Events[K]): this;
    cancel(): void;
  }
  export type Replication = EventSource<{
    change: (info: { direction?: 'push' | 'pull'; change?: { docs_written?: number } }) => void;
    paused: (err?: PouchError) => void;
    active: () => void;
    denied: (err: PouchError) => void;
    complete: (info: unknown) => void;
    error: (err: PouchError) => void;
  }>;
  export type Changes = EventSource<{
    change: (change: { id: string; seq: number | string; deleted?: boolean; doc?: PouchDoc }) => void;
    complete: (info: unknown) => void;
    error: (err: PouchError) => void;
  }>;
  export interface SyncOptions {
    live?: boolean;
    retry?: boolean;
    batch_size?: number;
    back_off_function?: (delay: number) => number;
  }
  export interface Database {
    info(): Promise<{ update_seq: number | string; doc_count: number }>;
    get(id: string, opts?: { rev?: string; revs?: boolean; conflicts?: boolean }): Promise<PouchDoc>;
    get(id: string, opts: { open_revs: 'all' | string[]; revs?: boolean }): Promise<Array<{ ok?: PouchDoc; missing?: string }>>;
    allDocs(opts: { keys?: string[]; include_docs?: boolean; conflicts?: boolean }): Promise<{ rows: Array<{ id: string; key: string; value?: { rev: string; deleted?: boolean }; doc?: PouchDoc | null; error?: string }> }>;
    bulkDocs(docs: PouchDoc[]): Promise<Array<{ ok?: boolean; id?: string; rev?: string; error?: string | boolean; status?: number }>>;
    put(doc: PouchDoc): Promise<{ ok: boolean; id: string; rev: string }>;
    changes(opts: { since?: number | string; live?: boolean; include_docs?: boolean; conflicts?: boolean; style?: 'all_docs' }): Changes;
    sync(remote: Database, opts?: SyncOptions): Replication;
    replicate: { to(remote: Database, opts?: SyncOptions): Replication; from(remote: Database, opts?: SyncOptions): Replication };
    close(): Promise<void>;
    destroy(): Promise<void>;
  }
  interface PouchConstructor {
    new (name: string, opts?: { adapter?: string; auth?: { username: string; password: string }; skip_setup?: boolean; auto_compaction?: boolean }): Database;
    plugin(plugin: unknown): PouchConstructor;
  }
  const PouchDB: PouchConstructor;
  export default PouchDB;
}
declare module 'pouchdb-adapter-indexeddb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
