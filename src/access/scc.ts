/**
 * Strongly connected components (Tarjan), iterative so deep containment chains cannot overflow
 * the stack. Internal to the role catalogue.
 */

export interface Components {
  /** Component index of each node. */
  readonly componentOf: Int32Array;
  /** Components in reverse topological order: every component comes after those it reaches. */
  readonly components: readonly (readonly number[])[];
}

/** Tarjan's algorithm over `edges[node] = successors`; never recurses, never loops on cycles. */
export function stronglyConnected(edges: readonly (readonly number[])[]): Components {
  const n = edges.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const componentOf = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  // Explicit call stack: node and the position of the next successor to visit.
  const frames: number[] = [];
  const cursor = new Int32Array(n);

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    frames.push(root);
    while (frames.length > 0) {
      const node = frames[frames.length - 1] as number;
      if (index[node] === -1) {
        index[node] = low[node] = counter++;
        stack.push(node);
        onStack[node] = 1;
      }
      const successors = edges[node] ?? [];
      const next = cursor[node] as number;
      if (next < successors.length) {
        cursor[node] = next + 1;
        const to = successors[next] as number;
        if (index[to] === -1) frames.push(to);
        else if (onStack[to] === 1) low[node] = Math.min(low[node] as number, index[to] as number);
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent !== undefined) low[parent] = Math.min(low[parent] as number, low[node] as number);
      if (low[node] === index[node]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop() as number;
          onStack[member] = 0;
          componentOf[member] = components.length;
          component.push(member);
        } while (member !== node);
        components.push(component);
      }
    }
  }
  return { componentOf, components };
}
