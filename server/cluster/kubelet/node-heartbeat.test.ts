import { afterEach, describe, expect, it } from "vitest";
import { LEASES, NODES } from "@/lib/k8s/resources";
import { waitFor } from "@/server/testing/wait-for";
import { startDataPlane, type Harness } from "../data-plane-harness";
import { NODE_LEASE_NAMESPACE } from "./node-heartbeat";

let h: Harness;
afterEach(() => h.close());

const renewTime = async (node: string) => ((await h.client.get(LEASES, NODE_LEASE_NAMESPACE, node).catch(() => undefined))?.spec as { renewTime?: string } | undefined)?.renewTime;

describe("node heartbeats", () => {
  it("keeps a Lease per node in kube-node-lease, owned by the node, and renews it", async () => {
    h = await startDataPlane({ leaseRenewMs: 20 });
    const first = await waitFor(() => renewTime("node-a1-1"));
    const lease = await h.client.get(LEASES, NODE_LEASE_NAMESPACE, "node-a1-1");
    expect(lease.spec).toMatchObject({ holderIdentity: "node-a1-1", leaseDurationSeconds: 40 });
    expect(lease.metadata.ownerReferences?.[0]).toMatchObject({ kind: "Node", name: "node-a1-1" });
    await waitFor(async () => (await renewTime("node-a1-1")) !== first, { what: "a renewal" });
    expect((await h.client.list(LEASES, { namespace: NODE_LEASE_NAMESPACE })).items).toHaveLength(32);
  });

  it("reports the conditions of a node that never reported, Ready", async () => {
    h = await startDataPlane();
    await h.client.create(NODES, { apiVersion: "v1", kind: "Node", metadata: { name: "byhand" } });
    const conditions = await waitFor(async () => ((await h.client.get(NODES, "", "byhand")).status as { conditions?: Array<{ type: string; status: string }> } | undefined)?.conditions);
    expect(conditions.find((c) => c.type === "Ready")?.status).toBe("True");
    expect(conditions).toHaveLength(5);
  });
});
