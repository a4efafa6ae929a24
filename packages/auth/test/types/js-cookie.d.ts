// js-cookie ships no types; the storage test only sets and gets.
declare module 'js-cookie' {
  const JsCookie: {
    set(name: string, value: string, attributes?: Record<string, unknown>): string | undefined;
    get(name: string): string | undefined;
  };
  export default JsCookie;
}
