import type { IncomingMessage } from "node:http";
import { fileURLToPath } from "node:url";
import next from "next";
import { API_PREFIX, controlPlane } from "./control-plane";
import { createDualProtocolServer } from "./http/dual-protocol-server";
import { nodeListener } from "./http/node-adapter";
import { handleWebhook, isWebhookPath } from "./http/webhook-handler";

function isApiPath(req: IncomingMessage): boolean {
  const url = req.url ?? "";
  return url === API_PREFIX || url.startsWith(`${API_PREFIX}/`) || url.startsWith(`${API_PREFIX}?`);
}

/**
 * The process: the control plane, then Next.js for the dashboard, both behind one port. The
 * embedded Kubernetes API is served here directly rather than through a Next route, so watches
 * stream unbuffered and kubectl can reach it over TLS.
 */
async function main(): Promise<void> {
  const plane = await controlPlane();
  const { host, port } = plane.config;
  const app = next({ dev: process.env.NODE_ENV !== "production", dir: fileURLToPath(new URL("..", import.meta.url)), hostname: host, port });
  const handleNext = app.getRequestHandler();
  await app.prepare();
  const apiServer = plane.apiServer;
  const handleApi = apiServer ? nodeListener((request) => apiServer.handle(request)) : undefined;
  const handleWebhooks = nodeListener((request) => handleWebhook(request, { gangScheduling: plane.config.gangScheduling }));
  const { server, close } = createDualProtocolServer(
    (req, res) => {
      if (handleApi && isApiPath(req)) return handleApi(req, res);
      if (isWebhookPath(req.url)) return handleWebhooks(req, res);
      void handleNext(req, res);
    },
    plane.tls,
    app.getUpgradeHandler(),
  );
  server.listen(port, host, () => console.log(`[lws-console] dashboard on http://${host}:${port}`));
  const shutdown = () => {
    void close().finally(() => {
      plane.stop();
      process.exit(0);
    });
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

main().catch((err) => {
  console.error("[lws-console] failed to start:", err);
  process.exit(1);
});
