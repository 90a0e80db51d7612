// Draws an icon of one set (lucide 1.48, ISC licence) from its shapes: a few lines instead of lucide-preact's runtime.
import { h, type JSX } from 'preact';

type Shape = [tag: 'path' | 'circle' | 'line', attrs: Record<string, string>];
export type IconProps = Omit<JSX.SVGAttributes<SVGSVGElement>, 'size'> & { size?: number };

export const p = (...ds: string[]): Shape[] => ds.map((d) => ['path', { d }]);
export const circle = (cx: string, cy: string, r: string): Shape => ['circle', { cx, cy, r }];
export const line = (x1: string, x2: string, y1: string, y2: string): Shape => ['line', { x1, x2, y1, y2 }];

export function icon(name: string, shapes: Shape[]) {
  return function Icon({ size = 24, class: cls, ...rest }: IconProps) {
    const labelled = 'aria-label' in rest || 'aria-labelledby' in rest || 'title' in rest || 'role' in rest;
    return h(
      'svg',
      {
        xmlns: 'http://www.w3.org/2000/svg', width: size, height: size, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor',
        'stroke-width': 2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round', class: `lucide lucide-${name}${cls ? ` ${String(cls)}` : ''}`,
        ...(labelled ? {} : { 'aria-hidden': 'true' }),
        ...rest,
      },
      shapes.map(([tag, attrs]) => h(tag, attrs)),
    );
  };
}
