// Icons from one set (lucide 1.48, ISC licence), drawn by src/ui/icon.ts; the top bar's are in bar-icons.ts.
import { circle, icon, line, p } from './icon.ts';

export { Download, Layers, Library, NotebookPen, Search, Settings, Timer } from './bar-icons.ts';
export const BookOpen = icon('book-open', p('M12 5v16', 'M20.001 19A2 2 0 0022 17V5a2 2 0 00-1.999-2L16 3.002A5 5 0 0012 5a5 5 0 00-4-2H4a2 2 0 00-2 2v12a2 2 0 001.999 2H8a5 5 0 014 2 5 5 0 014-2z'));
export const ChevronLeft = icon('chevron-left', p('m15 18-6-6 6-6'));
export const ChevronRight = icon('chevron-right', p('m9 18 6-6-6-6'));
export const List = icon('list', p('M3 5h.01', 'M3 12h.01', 'M3 19h.01', 'M8 5h13', 'M8 12h13', 'M8 19h13'));
export const X = icon('x', p('M18 6 6 18', 'm6 6 12 12'));
export const Maximize2 = icon('maximize-2', p('M15 3h6v6', 'm21 3-7 7', 'm3 21 7-7', 'M9 21H3v-6'));
export const ZoomIn = icon('zoom-in', [circle('11', '11', '8'), line('21', '16.65', '21', '16.65'), line('11', '11', '8', '14'), line('8', '14', '11', '11')]);
export const ZoomOut = icon('zoom-out', [circle('11', '11', '8'), line('21', '16.65', '21', '16.65'), line('8', '14', '11', '11')]);
export const Check = icon('check', p('M20 6 9 17l-5-5'));
