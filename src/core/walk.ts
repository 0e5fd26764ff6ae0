import type { Steps } from "./slices";

/** What a walk does at each node; it decides which elements it goes into. */
export interface WalkVisitor {
  text(node: Text): void;
  /** An element: true to go into it (then `leave` follows its children), false to pass it by. */
  enter(el: Element): boolean;
  leave(el: Element): void;
}

/** Nodes visited between pauses: a few milliseconds of code not yet compiled (Firefox took 80 ms for 2,000). */
export const NODES_PER_STEP = 500;

/**
 * The walk over a subtree, in document order, pausing every few hundred
 * nodes. Iterative: pages nest deeper than the call stack allows. `root`
 * itself is neither entered nor left; comments and other nodes are passed by.
 * Detection's walk of the whole page (src/core/article/detect.ts) writes this
 * loop out with its visit inside, the one walk that meets every node.
 */
export function* walkSteps(root: Node, visit: WalkVisitor): Steps<void> {
  // Each DOM property read is a call into the browser: each is read once per node here (the walk's main cost).
  let node: Node | null = root.firstChild;
  let visited = 0;
  while (node) {
    if (++visited % NODES_PER_STEP === 0) yield;
    const type = node.nodeType;
    if (type === 3) visit.text(node as Text);
    else if (type === 1 && visit.enter(node as Element)) {
      const child: Node | null = node.firstChild;
      if (child) {
        node = child;
        continue;
      }
      visit.leave(node as Element);
    }
    // Climb to the next sibling, leaving the elements we climb out of.
    let next: Node | null = node.nextSibling;
    while (next === null) {
      node = node.parentNode!;
      if (node === root) break;
      visit.leave(node as Element);
      next = node.nextSibling;
    }
    node = next;
  }
}
