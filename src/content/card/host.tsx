import { render } from "preact";
import { Card, type CardProps } from "./Card";
import { placeCard, type Rect } from "../../core/layout/place";
import css from "./card.css";

/**
 * Our one element in the page: a custom-named host with a shadow root
 * holding the card. Created on first use, so a page without a hover never
 * gets it.
 */
export const HOST_TAG = "backstory-card";

export interface CardHost {
  show(props: CardProps, anchor: Rect): void;
  hide(): void;
  contains(target: EventTarget | null): boolean;
  destroy(): void;
}

export function createCardHost(doc: Document): CardHost {
  let host: HTMLElement | null = null;
  let mount: HTMLElement | null = null;

  const ensure = (): HTMLElement => {
    if (host?.isConnected && mount) return mount;
    host = doc.createElement(HOST_TAG);
    const shadow = host.attachShadow({ mode: "open" });
    adoptStyles(doc, shadow, css);
    mount = doc.createElement("div");
    shadow.appendChild(mount);
    doc.documentElement.appendChild(host);
    return mount;
  };

  return {
    show(props, anchor) {
      const el = ensure();
      render(<Card {...props} />, el);
      const card = el.firstElementChild as HTMLElement | null;
      if (!card) return;
      const view = doc.defaultView;
      const size = { width: card.offsetWidth || 320, height: card.offsetHeight || 200 };
      const place = placeCard(anchor, size, { width: view?.innerWidth ?? 1024, height: view?.innerHeight ?? 768 });
      card.style.left = `${place.left}px`;
      card.style.top = `${place.top}px`;
    },
    hide() {
      if (mount) render(null, mount);
    },
    contains(target) {
      return host !== null && target === host;
    },
    destroy() {
      if (mount) render(null, mount);
      host?.remove();
      host = mount = null;
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
