// The path and query of the page being rendered, passed from proxy.ts to server components
// (which cannot read the URL otherwise). The #fragment never reaches the server.
export const REQUEST_PATH_HEADER = "x-counterpoint-path";
