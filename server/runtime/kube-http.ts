import * as http from "node:http";
import * as https from "node:https";
import * as k8s from "@kubernetes/client-node";
import { ApiError } from "@/lib/k8s/api-errors";
import { isRecord, type StatusDetails } from "@/lib/k8s/types";

export interface RequestBody {
  contentType: string;
  text: string;
}

// Status reasons for error responses whose body is not a Status (a proxy's, or a bare 404), as client-go names them.
const REASONS: Record<number, string> = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  405: "MethodNotAllowed",
  409: "Conflict",
  410: "Expired",
  415: "UnsupportedMediaType",
  422: "Invalid",
  429: "TooManyRequests",
  500: "InternalError",
  503: "ServiceUnavailable",
  504: "Timeout",
};

/** The ApiError for an error response: from its meta/v1 Status body when it has one. */
export function apiErrorFrom(code: number, body: unknown): ApiError {
  const status = typeof body === "string" ? parseJson(body) : body;
  if (isRecord(status) && status.kind === "Status") {
    const details = isRecord(status.details) ? (status.details as StatusDetails) : undefined;
    const statusCode = typeof status.code === "number" ? status.code : code;
    return new ApiError(statusCode, stringOr(status.reason, REASONS[statusCode] ?? "Unknown"), stringOr(status.message, `the server responded with ${statusCode}`), details);
  }
  const text = typeof body === "string" && body.trim() ? body.trim() : (http.STATUS_CODES[code] ?? "error");
  return new ApiError(code, REASONS[code] ?? "Unknown", `the server responded with ${code}: ${text}`);
}

/**
 * Requests to the API server a kubeconfig names: the URL from its current cluster, TLS and credentials
 * from client-node (bearer tokens, client certificates, exec plugins, in-cluster service accounts).
 */
export class KubeTransport {
  private readonly server: string;
  private readonly config: k8s.KubeConfig;

  constructor(kc: k8s.KubeConfig) {
    const cluster = kc.getCurrentCluster();
    if (!cluster) throw new Error("the kubeconfig has no current cluster");
    this.server = cluster.server.replace(/\/+$/, "");
    this.config = cluster.server.startsWith("http:") ? plainHttpConfig(kc, cluster) : kc;
  }

  /** Sends a request and resolves with the response, whatever its status. */
  async send(method: string, path: string, body?: RequestBody, signal?: AbortSignal, accept = "application/json"): Promise<http.IncomingMessage> {
    const url = new URL(this.server + path);
    const headers: http.OutgoingHttpHeaders = { accept };
    if (body) Object.assign(headers, { "content-type": body.contentType, "content-length": Buffer.byteLength(body.text) });
    const options: https.RequestOptions = { method, headers, signal };
    await this.config.applyToHTTPSOptions(options);
    const transport = url.protocol === "https:" ? https : http;
    return new Promise((resolve, reject) => {
      const request = transport.request(url, options, resolve);
      request.on("error", reject);
      request.end(body?.text);
    });
  }

  /** Sends a request and resolves with its JSON body; an error status throws ApiError. */
  async call(method: string, path: string, body?: RequestBody): Promise<unknown> {
    const text = await this.callText(method, path, body, "application/json");
    return text ? parseJson(text) : undefined;
  }

  /** Sends a request and resolves with its body as text (pods/<name>/log); an error status throws ApiError. */
  async callText(method: string, path: string, body?: RequestBody, accept = "text/plain, */*"): Promise<string> {
    const response = await this.send(method, path, body, undefined, accept);
    const text = await readText(response);
    const code = response.statusCode ?? 0;
    if (code < 200 || code > 299) throw apiErrorFrom(code, text);
    return text;
  }
}

export async function readText(response: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === "string" && value ? value : fallback;
}

/**
 * client-node refuses to build an agent for an http:// server unless skipTLSVerify is set; there is no TLS
 * to verify on such a server, so the same config with that flag only lets its credentials through.
 */
function plainHttpConfig(kc: k8s.KubeConfig, cluster: k8s.Cluster): k8s.KubeConfig {
  const plain = new k8s.KubeConfig();
  plain.loadFromOptions({
    clusters: kc.getClusters().map((c) => (c.name === cluster.name ? { ...c, skipTLSVerify: true } : c)),
    users: kc.getUsers(),
    contexts: kc.getContexts(),
    currentContext: kc.getCurrentContext(),
  });
  return plain;
}
