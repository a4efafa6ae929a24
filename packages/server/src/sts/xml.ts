/** Just enough XML for STS's answers: elements with text, nested in order. */
export type XmlNode = string | number | XmlElement | undefined;
export interface XmlElement {
  [name: string]: XmlNode | XmlNode[];
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c]!);

export function renderXml(node: XmlNode | XmlNode[]): string {
  if (node === undefined) return '';
  if (Array.isArray(node)) return node.map(renderXml).join('');
  if (typeof node !== 'object') return escapeXml(String(node));
  return Object.entries(node)
    .filter(([, child]) => child !== undefined)
    .map(([name, child]) => `<${name}>${renderXml(child)}</${name}>`)
    .join('');
}
