import { hostname } from "node:os";
import type { Client } from "@/server/runtime/client";
import type { InformerFactory } from "@/server/runtime/informer-factory";
import { LeaderElector } from "@/server/runtime/leader-election";
import { LwsController, type LwsControllerOptions } from "@/server/lws/lws-controller";

export interface RunningController {
  stop(): Promise<void>;
}

/** Lease the LWS controllers of every process against one cluster compete for. */
export const LEASE = { namespace: "default", name: "lws-console-controller" };

/**
 * Runs the LWS controller against a cluster other processes may also manage: only the holder
 * of the Lease reconciles, and a new leader starts from fresh informers' state.
 */
export function runElectedController(client: Client, informers: InformerFactory, identity = `${hostname()}-${process.pid}`, options: LwsControllerOptions = {}): RunningController {
  let controller: LwsController | undefined;
  const elector = new LeaderElector(client, {
    ...LEASE,
    identity,
    onStartedLeading: async () => {
      controller = new LwsController(client, informers, options);
      await controller.start();
    },
    onStoppedLeading: async () => {
      controller?.stop();
      controller = undefined;
    },
  });
  void elector.run();
  return { stop: () => elector.stop() };
}
