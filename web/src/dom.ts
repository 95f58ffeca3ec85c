/** A tiny helper to build DOM elements without innerHTML (text is always text). */
import { parameterSpec } from "../../src/contract/parameters.js";
import { parameterMeaning, parameterTitle } from "./parameter-label.js";

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | number | undefined> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no element #${id}`);
  return element as T;
}

/**
 * A box that scrolls its wide content sideways on its own, so the page never does: a shadow at the
 * edge that hides content (CSS), and a "scroll →" hint, also read by screen readers, while the
 * content is wider than the box. Focusable, so the keyboard can scroll it too.
 */
export function scrollBox(content: HTMLElement, label: string): HTMLElement {
  const hint = h("span", { class: "scroll-hint" }, "scroll →");
  const box = h("div", { class: "scroll-box", tabindex: 0, role: "region", "aria-label": label }, content);
  const wrap = h("div", { class: "scroll-wrap" }, hint, box);
  const update = () => {
    const overflowing = box.scrollWidth > box.clientWidth + 1;
    wrap.classList.toggle("overflowing", overflowing);
    box.setAttribute("aria-label", overflowing ? `${label} (wider than the screen: scroll →)` : label);
  };
  new ResizeObserver(update).observe(box);
  return wrap;
}

/** For tables and sliders: symbol and meaning, the YAML name as small code text, the whole as a tooltip. */
export function parameterElement(name: string): HTMLElement {
  const spec = parameterSpec(name);
  if (!spec) return h("code", {}, name);
  return h(
    "span",
    { class: "parameter-name", title: parameterTitle(name), "data-parameter": name },
    h("span", { class: "symbol" }, spec.symbol),
    ` — ${parameterMeaning(name)} `,
    h("code", { class: "yaml-name" }, name),
  );
}
