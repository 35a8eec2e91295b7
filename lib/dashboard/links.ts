import type { LwsView } from "./view-models";

/** The page of one LWS, on its groups tab or another one. */
export function lwsHref(lws: LwsView, tab?: "diagnosis"): string {
  return `/lws/${encodeURIComponent(lws.metadata.namespace ?? "")}/${encodeURIComponent(lws.metadata.name ?? "")}${tab ? `?tab=${tab}` : ""}`;
}

/** One group of an LWS, on the page's groups tab or another one. */
export function groupHref(lws: LwsView, group: number, tab?: "diagnosis"): string {
  const page = lwsHref(lws, tab);
  return `${page}${tab ? "&" : "?"}group=${group}`;
}
