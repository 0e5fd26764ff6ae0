import type { Steps } from "./slices";

/** What a walk does at each node; it decides which elements it goes into. */
export interface WalkVisitor {
  text(node: Text): void;
  /** An element: true to go into it (then `leave` follows its children), false to pass it by. */
  enter(el: Element): boolean;
  leave(el: Element): void;
}

/** Nodes visited between pauses: a few milliseconds of code not yet compiled (Firefox took 80 ms for 2,000). */
const NODES_PER_STEP = 500;

/**
 * The one walk over a subtree, in document order, pausing every few hundred
 * nodes. Iterative: pages nest deeper than the call stack allows. `root`
 * itself is neither entered nor left; comments and other nodes are passed by.
 */
export function* walkSteps(root: Node, visit: WalkVisitor): Steps<void> {
  let node: Node | null = root.firstChild;
  let visited = 0;
  while (node) {
    if (++visited % NODES_PER_STEP === 0) yield;
    if (node.nodeType === 3) visit.text(node as Text);
    else if (node.nodeType === 1 && visit.enter(node as Element)) {
      if (node.firstChild) {
        node = node.firstChild;
        continue;
      }
      visit.leave(node as Element);
    }
    // Climb to the next sibling, leaving the elements we climb out of.
    while (node !== root && node.nextSibling === null) {
      node = node.parentNode!;
      if (node !== root) visit.leave(node as Element);
    }
    node = node === root ? null : node.nextSibling;
  }
}
