import { StorageFailure } from '../storage/errors.ts';

/**
 * Why an import stopped before it changed anything, in plain words; never the browser's own error
 * text. Storage failures already say what happened. A TypeError here is a part of the app that
 * could not be loaded (each engine words it differently: "Failed to fetch dynamically imported
 * module", "Importing a module script failed"). A file that cannot be read is answered before this.
 */
export function importProblem(err: unknown): string {
  if (err instanceof StorageFailure) return err.message;
  if (err instanceof TypeError) return 'part of MLSD Pocket could not be loaded on this page. Reload the page, then import the file again.';
  return 'something on this device stopped it part-way. Try again; if it stops again, reload the page first.';
}
