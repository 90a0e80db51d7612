import { describe, expect, it } from 'vitest';
import { importProblem } from '../../src/notebook/import-problem.ts';
import { StorageFailure } from '../../src/storage/errors.ts';

describe('an import that stops before it writes', () => {
  it('says why in plain words, never with the browser’s own error text', () => {
    const chunk = importProblem(new TypeError('Failed to fetch dynamically imported module: http://x/assets/backup-data-abc.js'));
    expect(chunk).toMatch(/could not be loaded.*Reload the page/);
    expect(chunk).not.toMatch(/fetch|module|http/i);
    const other = importProblem(new DOMException('The operation failed for reasons unrelated to the database itself', 'UnknownError'));
    expect(other).toMatch(/stopped it part-way.*Try again/);
    expect(other).not.toMatch(/UnknownError|operation failed/);
    expect(importProblem(new StorageFailure('disk', 'This device is out of storage space.'))).toBe('This device is out of storage space.');
  });
});
