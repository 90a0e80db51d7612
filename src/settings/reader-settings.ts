import { createStore } from '../ui/store.ts';

export type Theme = 'system' | 'light' | 'sepia' | 'dark';
export type Spacing = 'compact' | 'normal' | 'relaxed';
export type ReadingFont = 'serif' | 'sans';

export interface ReaderSettings {
  /** Index into FONT_SIZES. */
  fontStep: number;
  spacing: Spacing;
  theme: Theme;
  /** The reading face: Literata (serif) or the system sans-serif. */
  font: ReadingFont;
}

/** Text sizes in px; theme-boot.js repeats this list (tests/unit/theme-boot.test.ts keeps them equal). */
export const FONT_SIZES = [15, 16, 17, 18, 19, 20, 22, 24, 26, 28, 32] as const;
export const LINE_HEIGHTS: Record<Spacing, number> = { compact: 1.45, normal: 1.6, relaxed: 1.75 };
export const THEMES: Theme[] = ['system', 'light', 'sepia', 'dark'];
export const FONTS: ReadingFont[] = ['serif', 'sans'];
export const DEFAULT_SETTINGS: ReaderSettings = { fontStep: 3, spacing: 'normal', theme: 'system', font: 'serif' };
const KEY = 'mlsd-pocket:reader-settings';

/** Pure: turns whatever was stored into valid settings, falling back field by field. */
export function parseSettings(raw: unknown): ReaderSettings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof ReaderSettings, unknown>>;
  const fontStep =
    Number.isInteger(r.fontStep) && (r.fontStep as number) >= 0 && (r.fontStep as number) < FONT_SIZES.length
      ? (r.fontStep as number)
      : DEFAULT_SETTINGS.fontStep;
  const spacing = (Object.keys(LINE_HEIGHTS) as Spacing[]).includes(r.spacing as Spacing) ? (r.spacing as Spacing) : DEFAULT_SETTINGS.spacing;
  const theme = THEMES.includes(r.theme as Theme) ? (r.theme as Theme) : DEFAULT_SETTINGS.theme;
  const font = FONTS.includes(r.font as ReadingFont) ? (r.font as ReadingFont) : DEFAULT_SETTINGS.font;
  return { fontStep, spacing, theme, font };
}

function load(): ReaderSettings {
  try {
    return parseSettings(JSON.parse(localStorage.getItem(KEY) ?? 'null'));
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export const readerSettings = createStore<ReaderSettings>(load());

/** Applies settings to the root element: CSS reads data-scheme and two custom properties. */
export function applySettings(s: ReaderSettings, root: HTMLElement = document.documentElement): void {
  const dark = s.theme === 'dark' || (s.theme === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
  root.dataset.theme = s.theme;
  // The colours CSS uses: the chosen theme, with "system" resolved here, in one place.
  root.dataset.scheme = dark ? 'dark' : s.theme === 'sepia' ? 'sepia' : 'light';
  root.dataset.font = s.font;
  root.style.setProperty('--reader-size', `${FONT_SIZES[s.fontStep] ?? 18}px`);
  root.style.setProperty('--reader-leading', String(LINE_HEIGHTS[s.spacing]));
  const colour = dark ? '#16181c' : s.theme === 'sepia' ? '#f4ecd8' : '#fbfaf7';
  document.querySelectorAll('meta[name="theme-color"]').forEach((m) => m.setAttribute('content', colour));
}

export function updateSettings(patch: Partial<ReaderSettings>): void {
  const next = parseSettings({ ...readerSettings.get(), ...patch });
  readerSettings.set(next);
  applySettings(next);
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Settings are a comfort, not user data: if they cannot be kept, the session still uses them.
  }
}
