import { describe, expect, it } from 'vitest';
import { classify, failureText } from '../../src/storage/errors.ts';

const dom = (name: string, message = 'x') => new DOMException(message, name);

describe('storage errors are named truthfully', () => {
  it('sorts each failure into its own kind', () => {
    expect(classify(dom('QuotaExceededError')).kind).toBe('quota');
    // Chromium reports a failed device write (LevelDB ENOSPC) as UnknownError / "IO error".
    expect(classify(dom('UnknownError', 'Internal error committing transaction.')).kind).toBe('disk');
    expect(classify(dom('UnknownError', 'IO error: /profile/IndexedDB/…/000123.log: No space left on device')).kind).toBe('disk');
    // Seen on a full disk in Chromium: the write's transaction aborted under it.
    expect(classify(dom('AbortError', 'The transaction was aborted, so the request cannot be fulfilled.')).kind).toBe('disk');
    expect(classify(dom('DataError', 'Data provided to an operation does not meet requirements.')).kind).toBe('unknown');
    expect(classify(dom('VersionError')).kind).toBe('version');
    expect(classify(dom('InvalidStateError', 'The database connection is closing.')).kind).toBe('closed');
    expect(classify(dom('SecurityError')).kind).toBe('unavailable');
    expect(classify(dom('InvalidStateError', 'A mutation operation was attempted on a database that did not allow mutations.')).kind).toBe('unavailable');
    expect(classify(new Error('boom')).kind).toBe('unknown');
  });

  it('blames the disk for a connection the browser closed right after a disk error', () => {
    const closing = dom('InvalidStateError', 'The database connection is closing.');
    expect(classify(closing, 'disk').kind).toBe('disk');
    expect(classify(closing, 'quota').kind).toBe('disk');
    expect(classify(closing, null).kind).toBe('closed');
  });

  it('says a full disk is full, says what is kept, and never advises a reload while changes wait', () => {
    for (const kind of ['quota', 'disk'] as const) {
      expect(failureText(kind, 3)).toMatch(/^This device is out of storage space/);
      expect(failureText(kind, 3)).toContain('3 changes are kept on this screen');
      expect(failureText(kind, 1)).toContain('1 change is kept on this screen');
      expect(failureText(kind, 0)).not.toMatch(/private browsing|reconnect/i);
    }
    for (const kind of ['quota', 'disk', 'closed', 'version', 'unknown'] as const) {
      expect(failureText(kind, 2)).not.toMatch(/reload/i);
    }
    expect(failureText('closed', 0)).not.toMatch(/reload/i);
    expect(failureText('version', 0)).toMatch(/Reload/);
    expect(failureText('unavailable')).toMatch(/private browsing/);
  });
});
