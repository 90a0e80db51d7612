import { itemsLabel } from '../notebook/count-label.ts';
import { lazyComponent } from '../ui/lazy.tsx';

/** "Time to back up" in the library, only when a backup is due (its code loads lazily). */
export const BackupReminder = lazyComponent(
  () =>
    import('../notebook/use-backup-status.ts').then(({ useBackupStatus }) => {
      return function Reminder() {
        const { due, count } = useBackupStatus();
        // Due is known once everything is read, and the count with it.
        if (!due || count === null) return null;
        return (
          <p class="notice warn backup-reminder">
            You have {itemsLabel(count)} and no recent backup. <a href="/notebook">Export a backup</a> and keep it somewhere safe.
          </p>
        );
      };
    }),
  false,
);
