import { describe, expect, it } from "vitest";
import { reduceHover, IDLE, type HoverEvent, type HoverState } from "../../src/core/hover/machine";

function run(events: HoverEvent[], from: HoverState = IDLE) {
  let state = from;
  const effects: string[] = [];
  for (const e of events) {
    const [next, fx] = reduceHover(state, e);
    state = next;
    effects.push(...fx.map((f) => ("id" in f ? `${f.type}:${f.id}` : f.type)));
  }
  return { state, effects };
}

describe("hover card state machine", () => {
  it("shows the card after the dwell on a name", () => {
    const r = run([{ type: "enter-name", id: 1 }, { type: "show-timer", id: 1 }]);
    expect(r.effects).toEqual(["start-show-timer:1", "show:1"]);
    expect(r.state).toEqual({ pending: null, shown: 1, hiding: false });
  });
  it("shows nothing on a quick pass over a name", () => {
    const r = run([{ type: "enter-name", id: 1 }, { type: "leave-name" }, { type: "show-timer", id: 1 }]);
    expect(r.effects).toEqual(["start-show-timer:1", "cancel-show-timer"]);
    expect(r.state).toEqual(IDLE);
  });
  it("hides after the grace period when the pointer leaves name and card", () => {
    const r = run([{ type: "open", id: 1 }, { type: "leave-name" }, { type: "hide-timer" }]);
    expect(r.effects).toEqual(["show:1", "start-hide-timer", "hide"]);
    expect(r.state).toEqual(IDLE);
  });
  it("keeps the card when the pointer moves onto it", () => {
    const r = run([{ type: "open", id: 1 }, { type: "leave-name" }, { type: "enter-card" }, { type: "hide-timer" }]);
    expect(r.effects).toEqual(["show:1", "start-hide-timer", "cancel-hide-timer"]);
    expect(r.state.shown).toBe(1);
  });
  it("keeps the card when the pointer comes back to its name", () => {
    const r = run([{ type: "open", id: 1 }, { type: "leave-name" }, { type: "enter-name", id: 1 }]);
    expect(r.state).toEqual({ pending: null, shown: 1, hiding: false });
    expect(r.effects.at(-1)).toBe("cancel-hide-timer");
  });
  it("hides when leaving the card", () => {
    const r = run([{ type: "open", id: 1 }, { type: "enter-card" }, { type: "leave-card" }, { type: "hide-timer" }]);
    expect(r.effects).toEqual(["show:1", "start-hide-timer", "hide"]);
  });
  it("moves to another name's card after its own dwell", () => {
    const r = run([{ type: "open", id: 1 }, { type: "enter-name", id: 2 }, { type: "show-timer", id: 2 }]);
    expect(r.effects).toEqual(["show:1", "start-show-timer:2", "start-hide-timer", "cancel-hide-timer", "show:2"]);
    expect(r.state).toEqual({ pending: null, shown: 2, hiding: false });
  });
  it("closes at once on dismiss (Escape, click elsewhere, scrolled away)", () => {
    const r = run([{ type: "open", id: 1 }, { type: "dismiss" }]);
    expect(r.effects).toEqual(["show:1", "hide"]);
    expect(r.state).toEqual(IDLE);
    expect(run([{ type: "dismiss" }]).effects).toEqual([]);
  });
  it("cancels a pending card on dismiss", () => {
    const r = run([{ type: "enter-name", id: 3 }, { type: "dismiss" }, { type: "show-timer", id: 3 }]);
    expect(r.effects).toEqual(["start-show-timer:3", "cancel-show-timer"]);
  });
});
