/** `node:fs` for the browser: the deploy library's file helpers are not used there, so each says so. */
function unavailable(name: string): never {
  throw new Error(`${name} is not available in the browser`);
}

export const existsSync = (_path: string): boolean => false;
export const readFileSync = (): never => unavailable("readFileSync");
export const writeFileSync = (): never => unavailable("writeFileSync");
export const mkdirSync = (): never => unavailable("mkdirSync");

export default { existsSync, readFileSync, writeFileSync, mkdirSync };
