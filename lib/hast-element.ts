import type { Element } from 'hast';

/** The text of an element's text children: what a browser runs for an inline <script>, and what CSP hashes. */
export function elementText(element: Element): string {
  return element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
}

/** An attribute's value as the HTML carries it, or undefined when the element does not have it. */
export function elementAttribute(element: Element, property: string): string | undefined {
  const value = element.properties[property];
  if (value === undefined || value === null || value === false) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}
