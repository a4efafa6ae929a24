export const utf8 = (text: string) => new TextEncoder().encode(text);

export const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export const fromHex = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));

export const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

/** Standard or URL-safe Base64, padded or not (Amplify accepts both for SECRET_BLOCK). */
export const fromBase64 = (text: string) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

export const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

export const randomBytes = (length: number) => crypto.getRandomValues(new Uint8Array(length));
