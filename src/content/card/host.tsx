import { render } from "preact";
import { Card, type CardProps } from "./Card";
import { placeCard, type Anchor } from "../../core/layout/place";
import css from "./card.css";
import { exposeCardRoot } from "../testing";

/**
 * Our one element in the page: a plain <div> host with a closed shadow root
 * holding the card, untouched by the page's CSS. Created on first use, so a
 * page where no card is ever opened never gets it.
 *
 * Why a <div> and a closed root: a custom-named host can be defined by the
 * page first, and a page-defined element reaches even a closed root through
 * attachInternals(); a <div> cannot be upgraded, and a closed root is not on
 * `host.shadowRoot`. The root lives only in this closure (and, in test builds
 * alone, in src/content/testing.ts, which the page cannot reach either).
 */
export const HOST_ATTRIBUTE = "data-backstory-host";

/** Removes hosts an earlier instance of the content script left (an extension reload or update under an open page). */
export function removeLeftoverHosts(doc: Document): void {
  for (const el of Array.from(doc.documentElement.children)) if (el.localName === "div" && el.hasAttribute(HOST_ATTRIBUTE)) el.remove();
}

/** Events a page can dispatch into the card if it ever got hold of a node in it: only trusted ones get through. */
const GUARDED_EVENTS = ["click", "auxclick", "keydown", "keyup", "mousedown", "mouseup", "pointerdown", "pointerup", "input", "submit"];

export interface CardHost {
  show(props: CardProps, anchor: Anchor): void;
  hide(): void;
  /** Whether an event target is our card (events from inside a shadow root are retargeted to its host). */
  contains(target: EventTarget | null): boolean;
  destroy(): void;
}

export function createCardHost(doc: Document): CardHost {
  const view = doc.defaultView!;
  let host: HTMLElement | null = null;
  let shadow: ShadowRoot | null = null;
  let mount: HTMLElement | null = null;
  /** Where focus was before a keyboard-opened card took it. */
  let returnFocus: Element | null = null;

  const ensure = (): HTMLElement => {
    if (host?.isConnected && mount) return mount;
    host = doc.createElementNS("http://www.w3.org/1999/xhtml", "div") as HTMLElement;
    host.setAttribute(HOST_ATTRIBUTE, "");
    shadow = host.attachShadow({ mode: "closed" });
    // Capture at the root runs before any listener inside it: an untrusted event stops here.
    for (const type of GUARDED_EVENTS) shadow.addEventListener(type, stopUntrusted, true);
    if (__BACKSTORY_TEST__) exposeCardRoot(host, shadow);
    adoptStyles(doc, shadow, css);
    mount = doc.createElementNS("http://www.w3.org/1999/xhtml", "div") as HTMLElement;
    shadow.appendChild(mount);
    shadow.addEventListener("keydown", trapFocus as EventListener);
    doc.documentElement.appendChild(host);
    return mount;
  };

  // A modal card keeps Tab inside itself, as a dialog should.
  const trapFocus = (e: KeyboardEvent) => {
    const card = mount?.firstElementChild as HTMLElement | null;
    if (e.key !== "Tab" || !card || card.getAttribute("aria-modal") !== "true") return;
    const focusable = Array.from(card.querySelectorAll<HTMLElement>("a[href], button"));
    if (focusable.length === 0) return;
    const first = focusable[0]!;
    const last = focusable[focusable.length - 1]!;
    const active = shadow?.activeElement;
    if (e.shiftKey && (active === first || active === card)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const clear = () => {
    if (mount) render(null, mount);
    if (returnFocus instanceof view.HTMLElement) returnFocus.focus({ preventScroll: true });
    returnFocus = null;
  };

  return {
    show(props, anchor) {
      const el = ensure();
      if (props.modal && returnFocus === null && !this.contains(doc.activeElement)) returnFocus = doc.activeElement;
      render(<Card {...props} />, el);
      const card = el.firstElementChild as HTMLElement | null;
      if (!card) return;
      // Measured as the stylesheet lays it out: a width or cap from an earlier placement goes first.
      card.style.width = card.style.maxHeight = "";
      const heightAt = (width: number) => {
        card.style.width = `${width}px`;
        const height = card.offsetHeight;
        card.style.width = "";
        return height;
      };
      const size = { width: card.offsetWidth || 320, height: card.offsetHeight || 200, heightAt };
      const place = placeCard(anchor, size, { width: view.innerWidth, height: view.innerHeight });
      if (place.width !== null) card.style.width = `${place.width}px`;
      if (place.maxHeight !== null) card.style.maxHeight = `${place.maxHeight}px`;
      card.style.left = `${place.left}px`;
      card.style.top = `${place.top}px`;
      card.dataset.side = place.side;
      if (props.modal && shadow?.activeElement === null) card.focus({ preventScroll: true });
    },
    hide: clear,
    contains(target) {
      return host !== null && target === host;
    },
    destroy() {
      clear();
      host?.remove();
      host = shadow = mount = null;
    },
  };
}

function stopUntrusted(e: Event): void {
  if (!e.isTrusted) {
    e.stopImmediatePropagation();
    e.preventDefault();
  }
}

/** Constructable stylesheets are not subject to the page's CSP for inline styles; a <style> in our shadow root is the fallback. */
function adoptStyles(doc: Document, shadow: ShadowRoot, text: string): void {
  try {
    const sheet = new (doc.defaultView ?? window).CSSStyleSheet();
    sheet.replaceSync(text);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = doc.createElement("style");
    style.textContent = text;
    shadow.appendChild(style);
  }
}
