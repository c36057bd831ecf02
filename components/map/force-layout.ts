// A force-directed layout for the debate map, pure and deterministic, so it runs in a Web
// Worker (layout.worker.ts) and in tests alike. Fruchterman–Reingold with the repulsion
// taken only from nearby nodes (a grid of cells), so one step costs O(nodes + edges) and a
// map of thousands of clusters lays out in well under a second. Nodes of one group (a
// document's passages) are pulled towards their group's centre.
export type LayoutNode = { id: string; size?: number; group?: string };
export type LayoutEdge = { source: string; target: string; weight?: number };
// spacing: the ideal distance between neighbours (default: from the nodes' sizes).
export type LayoutRequest = { nodes: LayoutNode[]; edges: LayoutEdge[]; iterations?: number; spacing?: number };
export type LayoutPositions = Record<string, { x: number; y: number }>;

export function forceLayout({ nodes, edges, iterations, spacing }: LayoutRequest): LayoutPositions {
  const count = nodes.length;
  if (!count) return {};
  const index = new Map(nodes.map((node, at) => [node.id, at]));
  const groups = nodes.map((node) => node.group);
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  const size = nodes.map((node) => node.size ?? 10);
  // The ideal distance between neighbours, and the area the map spreads over.
  const k = spacing ?? 40 + Math.max(...size) * 0.5;
  const radius = k * Math.sqrt(count) * 0.6;
  // A sunflower spiral to start from: even, and the same every time. Grouped nodes start
  // around their group's own spot, the groups on a wider spiral of their own.
  const golden = Math.PI * (3 - Math.sqrt(5));
  const spiral = (at: number, of: number, spread: number) => {
    const r = spread * Math.sqrt((at + 0.5) / of);
    return [r * Math.cos(at * golden), r * Math.sin(at * golden)] as const;
  };
  const members = new Map<string, number[]>();
  nodes.forEach((node, at) => {
    const key = node.group ?? `\u0000${node.id}`;
    const list = members.get(key);
    if (list) list.push(at);
    else members.set(key, [at]);
  });
  const groupCount = members.size;
  const widest = Math.max(...[...members.values()].map((list) => k * Math.sqrt(list.length) * 0.7));
  const extent = Math.max(radius, (2 * widest + k) * Math.sqrt(groupCount) * 0.6);
  [...members.values()].forEach((list, groupAt) => {
    const [gx, gy] = spiral(groupAt, groupCount, extent);
    const local = k * Math.sqrt(list.length) * 0.7;
    list.forEach((at, memberAt) => {
      const [mx, my] = spiral(memberAt, list.length, local);
      x[at] = gx + mx;
      y[at] = gy + my;
    });
  });
  const links = edges
    .map((edge) => ({ a: index.get(edge.source), b: index.get(edge.target), w: edge.weight ?? 1 }))
    .filter((edge): edge is { a: number; b: number; w: number } => edge.a !== undefined && edge.b !== undefined)
    .filter((edge) => edge.a !== edge.b);
  const steps = iterations ?? (count > 2000 ? 60 : count > 500 ? 120 : 250);
  const dx = new Float64Array(count);
  const dy = new Float64Array(count);
  const cell = k * 2;
  let temperature = extent / 4;
  for (let step = 0; step < steps; step += 1) {
    dx.fill(0);
    dy.fill(0);
    // Repulsion from the nodes in the same and the eight neighbouring cells, up to a cell away.
    const grid = new Map<number, number[]>();
    const cellOf = (at: number) => {
      const cx = Math.floor(x[at]! / cell);
      const cy = Math.floor(y[at]! / cell);
      return [cx, cy] as const;
    };
    const keyOf = (cx: number, cy: number) => (cx + 32768) * 65536 + (cy + 32768);
    for (let at = 0; at < count; at += 1) {
      const key = keyOf(...cellOf(at));
      const bucket = grid.get(key);
      if (bucket) bucket.push(at);
      else grid.set(key, [at]);
    }
    for (let at = 0; at < count; at += 1) {
      const [cx, cy] = cellOf(at);
      for (let ox = -1; ox <= 1; ox += 1) {
        for (let oy = -1; oy <= 1; oy += 1) {
          const bucket = grid.get(keyOf(cx + ox, cy + oy));
          if (!bucket) continue;
          for (const other of bucket) {
            if (other === at) continue;
            let ex = x[at]! - x[other]!;
            let ey = y[at]! - y[other]!;
            let distance = Math.hypot(ex, ey);
            if (distance > cell) continue;
            if (distance < 0.01) {
              // Two nodes on one spot are pushed apart in a direction fixed by their indexes.
              ex = Math.cos(at + other);
              ey = Math.sin(at + other);
              distance = 0.01;
            }
            const apart = k + (size[at]! + size[other]!) / 2;
            // Nodes of different groups push each other apart harder, so groups do not overlap.
            const across = groups[at] !== groups[other] && groups[at] !== undefined ? 3 : 1;
            const force = ((apart * apart) / distance) * across;
            dx[at]! += (ex / distance) * force;
            dy[at]! += (ey / distance) * force;
          }
        }
      }
    }
    // Attraction along edges (stronger for heavier ones, gently).
    for (const { a, b, w } of links) {
      const ex = x[a]! - x[b]!;
      const ey = y[a]! - y[b]!;
      const distance = Math.max(Math.hypot(ex, ey), 0.01);
      const force = ((distance * distance) / k) * (1 + Math.log(w));
      dx[a]! -= (ex / distance) * force;
      dy[a]! -= (ey / distance) * force;
      dx[b]! += (ex / distance) * force;
      dy[b]! += (ey / distance) * force;
    }
    // Groups hold together around their centre; everything is drawn gently to the middle.
    const centres = new Map<string, { x: number; y: number; n: number }>();
    for (let at = 0; at < count; at += 1) {
      const group = groups[at];
      if (!group) continue;
      const centre = centres.get(group) ?? { x: 0, y: 0, n: 0 };
      centre.x += x[at]!;
      centre.y += y[at]!;
      centre.n += 1;
      centres.set(group, centre);
    }
    for (let at = 0; at < count; at += 1) {
      const centre = groups[at] ? centres.get(groups[at]!) : undefined;
      if (centre && centre.n > 1) {
        dx[at]! -= (x[at]! - centre.x / centre.n) * 0.6 * (k / 10);
        dy[at]! -= (y[at]! - centre.y / centre.n) * 0.6 * (k / 10);
      }
      // Gravity grows with the distance from the middle but stays weaker than a neighbour's push.
      const away = Math.hypot(x[at]!, y[at]!);
      if (away > extent * 0.5) {
        dx[at]! -= (x[at]! / away) * k * 0.5 * (away / extent);
        dy[at]! -= (y[at]! / away) * k * 0.5 * (away / extent);
      }
    }
    for (let at = 0; at < count; at += 1) {
      const length = Math.hypot(dx[at]!, dy[at]!);
      if (length < 1e-9) continue;
      const move = Math.min(length, temperature);
      x[at]! += (dx[at]! / length) * move;
      y[at]! += (dy[at]! / length) * move;
    }
    temperature = Math.max(temperature * 0.97, 0.5);
  }
  const positions: LayoutPositions = {};
  for (let at = 0; at < count; at += 1) positions[nodes[at]!.id] = { x: x[at]!, y: y[at]! };
  return positions;
}
