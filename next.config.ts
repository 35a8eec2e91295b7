import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  serverExternalPackages: ["@kubernetes/client-node", "better-sqlite3"],
  // Watches and the SSE stream must reach clients unbuffered; compression would hold them back.
  compress: false,
  poweredByHeader: false,
  allowedDevOrigins: ["127.0.0.1"],
  skipTrailingSlashRedirect: true,
  experimental: { turbopackFileSystemCacheForBuild: false },
};

export default nextConfig;
