/**
 * `document.cookie` as a browser has it, for one page: writing sets or (with a past expiry)
 * deletes one cookie, reading lists `name=value` pairs. A browser drops a cookie over 4096 bytes
 * of name and value without a word; so does this jar, which is what the library must not rely on.
 */
export function createCookieJar({ blocked = false } = {}) {
  const cookies = new Map<string, string>();
  const writes: string[] = [];
  return {
    writes,
    get cookie() {
      return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    },
    set cookie(text: string) {
      writes.push(text);
      if (blocked) return;
      const [pair, ...attributes] = text.split('; ');
      const at = pair!.indexOf('=');
      const [name, value] = [pair!.slice(0, at), pair!.slice(at + 1)];
      if (name.length + value.length > 4096) return;
      const expires = attributes.find((a) => a.toLowerCase().startsWith('expires='));
      if (expires && Date.parse(expires.slice(8)) <= Date.now()) cookies.delete(name);
      else cookies.set(name, value);
    },
  };
}
