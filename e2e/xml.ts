import { DOMParser, type Element } from '@xmldom/xmldom';

/** Parses XML as a feed reader or crawler would, throwing on any well-formedness error. */
export function parseXml(xml: string): Element {
  const errors: string[] = [];
  const document = new DOMParser({ onError: (level, message) => void errors.push(`${level}: ${message}`) }).parseFromString(xml, 'text/xml');
  if (errors.length > 0 || !document.documentElement) throw new Error(`not well-formed XML:\n${errors.join('\n')}`);
  return document.documentElement;
}

/** The child elements of an element with a local name. */
export function childElements(element: Element, name: string): Element[] {
  return [...element.childNodes].filter((node): node is Element => node.nodeType === 1 && (node as Element).localName === name);
}

export function childText(element: Element, name: string): string | undefined {
  return childElements(element, name)[0]?.textContent ?? undefined;
}

/** Width and height of a PNG, from its IHDR chunk; throws if the bytes are not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (!png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) || png.subarray(12, 16).toString('latin1') !== 'IHDR') {
    throw new Error('not a PNG');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
