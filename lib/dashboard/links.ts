import type { LwsView } from "./view-models";

/** The page of one LWS. */
export function lwsHref(lws: LwsView): string {
  return `/lws/${encodeURIComponent(lws.metadata.namespace ?? "")}/${encodeURIComponent(lws.metadata.name ?? "")}`;
}

/** One group of an LWS, on the page's groups tab or another one. */
export function groupHref(lws: LwsView, group: number, tab?: "diagnosis"): string {
  return `${lwsHref(lws)}?${tab ? `tab=${tab}&` : ""}group=${group}`;
}
