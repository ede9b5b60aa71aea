/** Hash routes (`#/proposals/3`): the app is static files, so any server can host it. */
import { useEffect, useState } from "react";

export function link(path: string): string {
  return `#/${path}`;
}

export function go(path: string): void {
  window.location.hash = `/${path}`;
}

export function useRoute(): string[] {
  const read = () => window.location.hash.replace(/^#\/?/, "").split("/").filter(Boolean);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const changed = () => setRoute(read());
    window.addEventListener("hashchange", changed);
    return () => window.removeEventListener("hashchange", changed);
  }, []);
  return route;
}
