/** `node:path` for the browser: `join` is all the deploy library imports. */
export const join = (...parts: string[]): string => parts.join("/").replace(/\/+/g, "/");

export default { join };
