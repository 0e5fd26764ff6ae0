import { isDarkScheme } from "../core/color";

/** Whether the article is shown light-on-dark, so marks use their dark-page colours. */
export function articleIsDark(root: Element): boolean {
  const view = root.ownerDocument.defaultView;
  if (!view) return false;
  const backgrounds: string[] = [];
  for (let el: Element | null = root; el; el = el.parentElement) backgrounds.push(view.getComputedStyle(el).backgroundColor);
  return isDarkScheme(backgrounds, view.getComputedStyle(root).color);
}
