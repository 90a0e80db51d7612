import { Graph, layout } from '@dagrejs/dagre';
import type { TreeElement, TreeNode } from '../../shared/content-types.ts';

/** A ```diagram block: `title:` then one `from -> to[: label]` per line. */
export interface DiagramSpec {
  title: string;
  nodes: string[];
  edges: { from: string; to: string; label?: string }[];
}

export interface DiagramParse {
  spec: DiagramSpec | null;
  errors: { line: number; message: string }[];
}

const MAX_NODE_CHARS = 28;

export function parseDiagram(text: string): DiagramParse {
  const errors: DiagramParse['errors'] = [];
  let title = '';
  const nodes: string[] = [];
  const edges: DiagramSpec['edges'] = [];
  const addNode = (name: string, line: number) => {
    if (name.length > MAX_NODE_CHARS) errors.push({ line, message: `node name "${name}" is longer than ${MAX_NODE_CHARS} characters` });
    if (!nodes.includes(name)) nodes.push(name);
  };
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const t = /^title:\s*(.+)$/i.exec(line);
    if (t) {
      title = (t[1] ?? '').trim();
      return;
    }
    const parts = line.split('->');
    if (parts.length === 1) {
      addNode(line, i);
      return;
    }
    if (parts.length !== 2) {
      errors.push({ line: i, message: `write one edge per line ("a -> b"), got "${line}"` });
      return;
    }
    const from = (parts[0] ?? '').trim();
    const rest = (parts[1] ?? '').trim();
    const colon = rest.indexOf(':');
    const to = (colon < 0 ? rest : rest.slice(0, colon)).trim();
    const label = colon < 0 ? undefined : rest.slice(colon + 1).trim() || undefined;
    if (!from || !to) {
      errors.push({ line: i, message: `an edge needs a node on both sides of "->": "${line}"` });
      return;
    }
    addNode(from, i);
    addNode(to, i);
    edges.push(label ? { from, to, label } : { from, to });
  });
  if (!title) errors.push({ line: 0, message: 'a diagram needs a "title:" line' });
  if (edges.length === 0) errors.push({ line: 0, message: 'a diagram needs at least one "a -> b" edge' });
  return { spec: errors.length ? null : { title, nodes, edges }, errors };
}

// Text is measured by estimate (no browser at build time): 13 px system UI ≈ 7.2 px a character.
const CHAR_W = 7.2;
const LINE_H = 16;
const PAD_X = 12;
const PAD_Y = 8;
const WRAP = 16;

/** Splits a name into at most two lines of about WRAP characters. */
export function wrapLabel(name: string): string[] {
  if (name.length <= WRAP) return [name];
  const words = name.split(' ');
  let best: [string, string] = [name, ''];
  let bestWidth = Infinity;
  for (let i = 1; i < words.length; i++) {
    const a = words.slice(0, i).join(' ');
    const b = words.slice(i).join(' ');
    const width = Math.max(a.length, b.length);
    if (width < bestWidth) {
      best = [a, b];
      bestWidth = width;
    }
  }
  return best[1] ? best : [name];
}

const r = (n: number) => String(Math.round(n * 10) / 10);

/** Lays the diagram out top to bottom with dagre and draws it as an accessible inline SVG tree. */
export function renderDiagram(spec: DiagramSpec, id: string): TreeElement {
  const g = new Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 18, ranksep: 34, edgesep: 12, marginx: 6, marginy: 6 });
  g.setDefaultEdgeLabel(() => ({}));
  spec.nodes.forEach((name) => {
    const lines = wrapLabel(name);
    const width = Math.max(...lines.map((l) => l.length)) * CHAR_W + 2 * PAD_X;
    g.setNode(name, { width, height: lines.length * LINE_H + 2 * PAD_Y, label: name });
  });
  spec.edges.forEach((e, i) => {
    const label = e.label ? { label: e.label, width: e.label.length * 6.4 + 8, height: 16, labelpos: 'c' } : {};
    g.setEdge(e.from, e.to, label, `e${i}`);
  });
  layout(g);
  const graph = g.graph();
  const width = Math.ceil(graph.width ?? 300);
  const height = Math.ceil(graph.height ?? 200);
  const arrow = `${id}-arrow`;
  const children: TreeNode[] = [
    ['title', { id: `${id}-title` }, spec.title],
    [
      'desc',
      { id: `${id}-desc` },
      spec.edges.map((e) => `${e.from} → ${e.to}${e.label ? ` (${e.label})` : ''}`).join('; '),
    ],
    [
      'defs',
      null,
      [
        'marker',
        { id: arrow, viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' },
        ['path', { d: 'M0,0 L10,5 L0,10 z', class: 'd-arrowhead' }],
      ],
    ],
  ];
  g.edges().forEach((ref) => {
    const edge = g.edge(ref) as { points?: { x: number; y: number }[]; x?: number; y?: number; label?: string; width?: number };
    const pts = edge.points ?? [];
    if (pts.length) {
      const d = pts.map((p, i) => `${i ? 'L' : 'M'}${r(p.x)},${r(p.y)}`).join(' ');
      children.push(['path', { d, class: 'd-edge', 'marker-end': `url(#${arrow})` }]);
    }
    if (edge.label && edge.x !== undefined && edge.y !== undefined) {
      const w = edge.width ?? 40;
      children.push([
        'g',
        { class: 'd-elabel' },
        ['rect', { x: r(edge.x - w / 2), y: r(edge.y - 9), width: r(w), height: '18', rx: '3' }],
        ['text', { x: r(edge.x), y: r(edge.y + 4), 'text-anchor': 'middle' }, edge.label],
      ]);
    }
  });
  spec.nodes.forEach((name) => {
    const n = g.node(name) as { x: number; y: number; width: number; height: number };
    const lines = wrapLabel(name);
    const top = n.y - ((lines.length - 1) * LINE_H) / 2 + 4.5;
    children.push([
      'g',
      { class: 'd-node' },
      ['rect', { x: r(n.x - n.width / 2), y: r(n.y - n.height / 2), width: r(n.width), height: r(n.height), rx: '6' }],
      [
        'text',
        { x: r(n.x), y: r(top), 'text-anchor': 'middle' },
        ...lines.map((l, i): TreeNode => ['tspan', { x: r(n.x), dy: i === 0 ? '0' : String(LINE_H) }, l]),
      ],
    ]);
  });
  return [
    'svg',
    {
      class: 'diagram-svg',
      viewBox: `0 0 ${width} ${height}`,
      width: String(width),
      height: String(height),
      role: 'img',
      'aria-labelledby': `${id}-title ${id}-desc`,
    },
    ...children,
  ];
}
