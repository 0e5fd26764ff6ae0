import { render } from "preact";
import { Card, type CardProps } from "./Card";
import { placeCard, type Rect } from "../../core/layout/place";
import css from "./card.css";

/**
 * Our one element in the page: a custom-named host with a shadow root
 * holding the card, untouched by the page's CSS. Created on first use, so a
 * page where no card is ever opened never gets it.
 */
export const HOST_TAG = "backstory-card";

export interface CardHost {
  show(props: CardProps, anchor: Rect): void;
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
    host = doc.createElementNS("http://www.w3.org/1999/xhtml", HOST_TAG) as HTMLElement;
    shadow = host.attachShadow({ mode: "open" });
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
      const size = { width: card.offsetWidth || 320, height: card.offsetHeight || 200 };
      const place = placeCard(anchor, size, { width: view.innerWidth, height: view.innerHeight });
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
