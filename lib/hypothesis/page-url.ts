// Two addresses name the same page when they differ only in what does not change the page:
// http or https, the host's case, a default port, a trailing slash, the fragment, tracking
// parameters (utm_*, fbclid, gclid) and the order of the other parameters. Non-web IRIs
// (urn:…) are compared as they are, without their fragment.
const TRACKING = /^(utm_[a-z_]+|fbclid|gclid|mc_cid|mc_eid)$/i;

export function pageKey(address: string): string {
  const page = cleanPageUrl(address);
  let url: URL;
  try {
    url = new URL(page);
  } catch {
    return page;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return page;
  const path = url.pathname.replace(/\/+$/, "") || "/";
  url.searchParams.sort();
  const query = url.searchParams.toString();
  return `web://${url.hostname.toLowerCase()}${url.port ? `:${url.port}` : ""}${path}${query ? `?${query}` : ""}`;
}

// The address as it is kept for a web source: without fragment and tracking parameters.
export function cleanPageUrl(address: string): string {
  const trimmed = address.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return trimmed.replace(/#.*$/, "");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return trimmed.replace(/#.*$/, "");
  url.hash = "";
  for (const name of [...url.searchParams.keys()]) if (TRACKING.test(name)) url.searchParams.delete(name);
  return url.toString();
}
