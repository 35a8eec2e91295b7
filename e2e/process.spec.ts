import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { parse } from "yaml";
import { startApp } from "./support/app-server";

const hasKubectl = spawnSync("kubectl", ["version", "--client"], { stdio: "ignore" }).status === 0;

function kubectl(kubeconfig: string, args: string[], input?: string): string {
  const env = { ...process.env, KUBECONFIG: kubeconfig, KUBECACHEDIR: `${kubeconfig}.cache` };
  return execFileSync("kubectl", args, { env, input }).toString();
}

test("npm start serves the dashboard and the embedded cluster, writes a private kubeconfig and stops cleanly on SIGTERM", async ({ page }) => {
  const app = await startApp();
  try {
    const health = await (await fetch(`${app.baseURL}/api/healthz`)).json();
    expect(health).toMatchObject({ status: "ok", cluster: "embedded" });

    const kubeconfigPath = join(app.dataDir, "kubeconfig");
    expect(statSync(kubeconfigPath).mode & 0o777).toBe(0o600);
    const kubeconfig = parse(readFileSync(kubeconfigPath, "utf8"));
    expect(kubeconfig.clusters[0].cluster.server).toBe(`https://127.0.0.1:${app.port}/k8s`);
    expect(kubeconfig.users[0].user.token).toBe(readFileSync(join(app.dataDir, "token"), "utf8").trim());

    const unauthorized = await fetch(`${app.baseURL}/k8s/api/v1/namespaces`);
    expect(unauthorized.status).toBe(401);

    await page.goto(app.baseURL);
    await expect(page.getByRole("heading", { name: "LeaderWorkerSets" })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("overview.png"), fullPage: true });

    if (hasKubectl) {
      expect(kubectl(kubeconfigPath, ["apply", "-f", "-"], "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: kept\n")).toContain("namespace/kept created");
    }
  } finally {
    expect(await app.stop()).toBe(0);
  }

  const again = await startApp({ dataDir: app.dataDir });
  try {
    const token = readFileSync(join(app.dataDir, "token"), "utf8").trim();
    const res = await fetch(`${again.baseURL}/k8s/api/v1/namespaces`, { headers: { authorization: `Bearer ${token}` } });
    const names = (await res.json()).items.map((ns: { metadata: { name: string } }) => ns.metadata.name);
    expect(names).toContain("default");
    if (hasKubectl) expect(names).toContain("kept");
  } finally {
    expect(await again.stop()).toBe(0);
  }
});
