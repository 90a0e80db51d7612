import { navigate } from '../app/router.ts';

/** "/" opens search (tablets and desktops with keyboards), unless the user is typing somewhere. */
export function listenForSlash(): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    const t = e.target as HTMLElement | null;
    if (t?.closest?.('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return;
    e.preventDefault();
    if (location.pathname !== '/search') navigate('/search');
    else document.querySelector<HTMLInputElement>('.search-box')?.focus();
  };
  addEventListener('keydown', onKey);
  return () => removeEventListener('keydown', onKey);
}
