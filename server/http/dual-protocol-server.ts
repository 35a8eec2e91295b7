import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { createServer as createNetServer, type Server, type Socket } from "node:net";
import type { Duplex } from "node:stream";

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;
type UpgradeListener = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

// The first byte of every TLS connection: a handshake record (ClientHello).
const TLS_HANDSHAKE = 0x16;

/**
 * One port that speaks both HTTP and HTTPS, told apart by a connection's first byte. The browser
 * uses http://HOST:PORT; kubectl uses https://HOST:PORT/k8s because it sends bearer tokens only
 * over TLS.
 */
export interface DualProtocolServer {
  server: Server;
  /** stops listening and ends every open connection, watches included */
  close(): Promise<void>;
}

export function createDualProtocolServer(listener: RequestListener, tls: { key: string; cert: string }, onUpgrade?: UpgradeListener): DualProtocolServer {
  const http = createHttpServer(listener);
  const https = createHttpsServer({ key: tls.key, cert: tls.cert }, listener);
  if (onUpgrade) {
    http.on("upgrade", onUpgrade);
    https.on("upgrade", onUpgrade);
  }
  const sockets = new Set<Socket>();
  // Sockets handed over by hand miss http.Server's own noDelay: without it, small responses
  // written in two packets wait out the peer's delayed ACK (~40 ms each).
  const server = createNetServer({ noDelay: true }, (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
    dispatch(socket, http, https);
  });
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  return { server, close };
}

function dispatch(socket: Socket, http: Server, https: Server): void {
  const ignore = () => {};
  socket.on("error", ignore);
  const sniff = () => {
    const first = socket.read(1) as Buffer | null;
    if (first === null) return void socket.once("readable", sniff);
    socket.unshift(first);
    socket.off("error", ignore);
    (first[0] === TLS_HANDSHAKE ? https : http).emit("connection", socket);
  };
  socket.once("readable", sniff);
}
