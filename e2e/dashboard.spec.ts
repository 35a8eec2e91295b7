import { execFile, execFileSync, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { SAMPLE_LWS } from "@/lib/lws/examples";
import { join } from "node:path";
import { expect, test, type Locator } from "@playwright/test";
import { parse } from "yaml";
import { startApp, type AppServer } from "./support/app-server";

const hasKubectl = spawnSync("kubectl", ["version", "--client"], { stdio: "ignore" }).status === 0;

async function horizontallyInside(inner: Locator, outer: Locator): Promise<boolean> {
  const [a, b] = await Promise.all([inner.boundingBox(), outer.boundingBox()]);
  return !!a && !!b && a.x >= b.x && a.x + a.width <= b.x + b.width;
}

test.describe("the live dashboard", () => {
  test.skip(!hasKubectl, "kubectl is not installed");
  let app: AppServer;
  const kubectlEnv = () => ({ ...process.env, KUBECONFIG: join(app.dataDir, "kubeconfig"), KUBECACHEDIR: join(app.dataDir, "kube-cache") });
  const kubectl = (args: string[], input?: string) => execFileSync("kubectl", args, { input, env: kubectlEnv() }).toString();
  // Without blocking the test's event loop, so assertions started before it keep polling meanwhile.
  const kubectlAsync = (args: string[]) => promisify(execFile)("kubectl", args, { env: kubectlEnv() });

  test.beforeAll(async () => {
    // Slow enough that a recreated group is visibly down for a few seconds, not one coalesced stream tick.
    app = await startApp({ env: { LWS_SIM_POD_STARTUP_MS: "2000" } });
  });
  test.afterAll(async () => {
    await app.stop();
  });

  test("lists an LWS created by kubectl, shows its groups, pods and racks, and follows kubectl changes live", async ({ page }) => {
    // The overview streams each LWS summed up by the server, not its pods.
    const stream = page.waitForRequest((request) => new URL(request.url()).pathname === "/api/stream");
    await page.goto(app.baseURL);
    expect(new URL((await stream).url()).search).toBe("?overview=1");
    await expect(page.getByText("No LeaderWorkerSets yet.")).toBeVisible();
    kubectl(["apply", "-f", "-"], SAMPLE_LWS);
    const card = page.getByRole("article").filter({ hasText: "leaderworkerset-sample" });
    await expect(card).toBeVisible();
    await expect(card.getByText("3/3")).toBeVisible({ timeout: 20_000 });
    for (const group of [0, 1, 2]) await expect(card.getByRole("link", { name: `Group ${group}: Ready, 4/4 pods ready` })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("overview.png"), fullPage: true });

    await card.getByRole("link", { name: "leaderworkerset-sample" }).click();
    await expect(page).toHaveURL(/\/lws\/default\/leaderworkerset-sample/);
    const topology = page.getByLabel("Group topology");
    for (const group of [0, 1, 2]) await expect(topology.getByText(`Group ${group}`, { exact: true })).toBeVisible();
    await topology.getByRole("button", { name: /^leaderworkerset-sample-1-3: Running/ }).click();
    await expect(page).toHaveURL(/pod=leaderworkerset-sample-1-3/);
    const panel = page.getByRole("complementary", { name: "Pod leaderworkerset-sample-1-3" });
    await expect(panel.getByLabel("Environment")).toContainText("LWS_WORKER_INDEX=3");
    await expect(panel.getByRole("list", { name: "Labels" })).toContainText("leaderworkerset.sigs.k8s.io/worker-index=3");
    await expect(panel.getByLabel("Logs")).not.toHaveText(/loading|no logs/);
    await page.screenshot({ path: test.info().outputPath("detail-groups.png"), fullPage: true });
    // The panel narrows the graph: a pod of the rightmost group, opened, is kept in view.
    const lastWorker = topology.getByRole("button", { name: /^leaderworkerset-sample-2-3: Running/ });
    await lastWorker.click();
    await expect.poll(() => horizontallyInside(lastWorker, topology)).toBe(true);

    await page.getByRole("tab", { name: "placement" }).click();
    await expect(page.getByRole("group", { name: /^Rack rack-/ }).first()).toBeVisible();
    await expect(page.getByRole("button", { name: /^leaderworkerset-sample-2: Running, group 2$/ })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("detail-placement.png"), fullPage: true });

    await page.getByRole("tab", { name: "groups" }).click();
    kubectl(["scale", "lws", "leaderworkerset-sample", "--replicas=4"]);
    await expect(topology.getByText("Group 3", { exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(topology.getByRole("button", { name: /^leaderworkerset-sample-3-3: Running/ })).toBeVisible({ timeout: 20_000 });
  });

  test("a pod deleted with kubectl takes its group down and the group comes back", async ({ page }) => {
    await page.goto(`${app.baseURL}/lws/default/leaderworkerset-sample`);
    const topology = page.getByLabel("Group topology");
    const groupOne = topology.locator(".react-flow__node").filter({ hasText: "Group 1" });
    await expect(groupOne.getByText("Ready", { exact: true })).toBeVisible({ timeout: 20_000 });
    // Watched from before the delete, every frame: the group may be down for only a second or two.
    const wentDown = groupOne.getByText("Ready", { exact: true }).waitFor({ state: "hidden", timeout: 15_000 });
    await kubectlAsync(["delete", "pod", "leaderworkerset-sample-1-1", "--wait=false"]);
    await wentDown;
    await page.screenshot({ path: test.info().outputPath("detail-recreating.png"), fullPage: true });
    await expect(groupOne.getByText("Ready", { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(groupOne.getByText("4/4")).toBeVisible();
  });

  test("explains groups that cannot get a rack of their own, once for all of them", async ({ page }) => {
    kubectl(["create", "namespace", "crowded"]);
    const racks = SAMPLE_LWS.replace("name: leaderworkerset-sample", "name: racks\n  annotations:\n    leaderworkerset.sigs.k8s.io/exclusive-topology: rack").replace("replicas: 3", "replicas: 10").replace("size: 4", "size: 2");
    kubectl(["apply", "-n", "crowded", "-f", "-"], racks);
    // The page streams its LWS (and its namespace's LWS pods) only; how full the nodes are comes with them.
    const stream = page.waitForRequest((request) => new URL(request.url()).pathname === "/api/stream");
    await page.goto(`${app.baseURL}/lws/crowded/racks?tab=diagnosis`);
    expect(new URL((await stream).url()).search).toBe("?namespace=crowded&lws=racks");
    const diagnosis = page.getByLabel("Diagnosis");
    const cause = "1 pod cannot be scheduled: exclusive topology needs a rack of its own with room for 2 pods, .*; all 8 racks are taken by groups [\\d, -]+$";
    await expect(diagnosis.getByText(new RegExp(`^${cause}`))).toBeVisible({ timeout: 20_000 });
    await expect(diagnosis.getByText("Try: add a rack with room for a group (nodes labelled rack) or lower replicas to 8")).toBeVisible();
    await expect(diagnosis.getByText(/^rack-a1 is taken by group \d$/)).toBeVisible();
    await expect(diagnosis.getByText(/^kube-scheduler: 0\/32 nodes are available: .*anti-affinity/)).toBeVisible();
    // The two groups left without a rack share one card: the cause once, each group's own pod under it.
    const shared = diagnosis.getByRole("listitem").filter({ hasText: "2 groups, one diagnosis" });
    await expect(shared).toHaveCount(1);
    await expect(shared.getByText(/^Groups \d+(-\d+|, \d+)$/)).toBeVisible();
    await shared.getByText("Evidence of each group (2)").click();
    await expect(shared.getByText(/^group \d+: pod\/racks-\d+: PodScheduled=False \(Unschedulable\)$/)).toHaveCount(2);
    // The diagnosis API says the same, from the same views.
    const api = (await (await page.request.get(`${app.baseURL}/api/lws/crowded/racks/diagnosis`)).json()) as { groups: Array<{ verdict: string; causes: Array<{ summary: string }> }> };
    expect(api.groups).toHaveLength(10);
    expect(api.groups.filter((g) => g.verdict === "stuck").map((g) => g.causes[0].summary)).toEqual([expect.stringMatching(new RegExp(`^${cause}`)), expect.stringMatching(new RegExp(`^${cause}`))]);
    await page.screenshot({ path: test.info().outputPath("diagnosis.png"), fullPage: true });
    // The rack map cannot draw them, so the placement says which pods it leaves out, and links why.
    await page.getByRole("tab", { name: "Placement" }).click();
    const unplaced = page.getByText(/^2 pods on no node yet \(groups \d+(-\d+|, \d+)\), 2 of them unschedulable:/);
    await expect(unplaced).toBeVisible();
    await unplaced.getByRole("link", { name: "why, in the diagnosis" }).click();
    await expect(page).toHaveURL(/\/lws\/crowded\/racks\?tab=diagnosis$/);
    await page.goto(app.baseURL);
    const stuck = page.getByRole("region", { name: "Stuck groups" });
    const entry = stuck.getByRole("listitem").filter({ has: page.getByRole("link", { name: /^crowded\/racks groups \d+(-\d+|, \d+) \(stuck\)$/ }) });
    await expect(entry).toHaveCount(1);
    await expect(entry).toHaveText(new RegExp(`^crowded/racks groups \\d+(-\\d+|, \\d+) \\(stuck\\): ${cause}`));
    const stuckGroup = Number(/groups (\d+)/.exec((await entry.getByRole("link").textContent()) ?? "")?.[1]);
    await entry.getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/lws/crowded/racks\\?tab=diagnosis&group=${stuckGroup}$`));
    // The group the link names is marked among the others, and its cause is the one listed.
    const linked = page.getByLabel("Diagnosis").locator('li[aria-current="true"]');
    await expect(linked).toHaveCount(1);
    await expect(linked.getByText(`Group ${stuckGroup}`, { exact: true })).toBeVisible();
    await expect(linked.getByText(new RegExp(`^${cause}`))).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("diagnosis-linked-group.png"), fullPage: true });
    // The same group's URL on the groups tab opens the topology on it, as its tab stop.
    await page.goto(`${app.baseURL}/lws/crowded/racks?group=${stuckGroup}`);
    const header = page.getByLabel("Group topology").getByRole("button", { name: new RegExp(`^Group ${stuckGroup}\\b`) });
    await expect(header).toBeInViewport({ timeout: 20_000 });
    await expect(header).toHaveAttribute("tabindex", "0");
    await expect(page.getByRole("combobox", { name: /^Group/ })).toHaveValue(String(stuckGroup));
    await page.screenshot({ path: test.info().outputPath("topology-linked-group.png") });
  });

  test("the cluster page shows racks and nodes with their allocation, its pods one tab stop", async ({ page }) => {
    kubectl(["apply", "-f", "-"], SAMPLE_LWS);
    // Pods counted per node first: they say whether there are few enough to stream and draw one by one.
    const streams: string[] = [];
    page.on("request", (request) => void (new URL(request.url()).pathname === "/api/stream" && streams.push(new URL(request.url()).search)));
    await page.goto(`${app.baseURL}/cluster`);
    await expect(page.getByRole("heading", { name: "Cluster" })).toBeVisible();
    await expect(page.getByRole("group", { name: "Rack rack-a1" })).toBeVisible();
    await expect(page.getByRole("meter").first()).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("cluster.png"), fullPage: true });
    // Thousands of pods must not be thousands of Tab presses: arrows move along the chips.
    const chips = page.locator("[data-chip]");
    await expect(chips.nth(1)).toBeVisible({ timeout: 20_000 });
    await expect(page.locator('[data-chip][tabindex="0"]')).toHaveCount(1);
    await chips.first().focus();
    await page.keyboard.press("ArrowRight");
    await expect(chips.nth(1)).toBeFocused();
    await expect(chips.nth(1)).toHaveAttribute("tabindex", "0");
    await page.keyboard.press("End");
    await expect(chips.last()).toBeFocused();
    expect(streams).toEqual(["?podCounts=1", ""]);
  });

  test("drives the group topology by keyboard: arrows between groups and pods, Enter opens a pod, Escape collapses", async ({ page }) => {
    kubectl(["create", "namespace", "keys"]);
    kubectl(["apply", "-n", "keys", "-f", "-"], SAMPLE_LWS.replace("name: leaderworkerset-sample", "name: keys"));
    await page.goto(`${app.baseURL}/lws/keys/keys`);
    const topology = page.getByLabel("Group topology");
    await expect(topology.getByRole("button", { name: /^keys-\d+(-\d+)?: Running/ })).toHaveCount(12, { timeout: 30_000 });
    const header = (group: number) => topology.getByRole("button", { name: new RegExp(`^Group ${group}\\b`) });
    const pod = (name: string) => topology.getByRole("button", { name: new RegExp(`^${name}: Running`) });

    await page.getByRole("tab", { name: "groups" }).focus();
    await page.keyboard.press("Tab");
    await expect(header(0)).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await expect(header(1)).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(pod("keys-1")).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(pod("keys-1-1")).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/pod=keys-1-1/);
    await expect(page.getByRole("complementary", { name: "Pod keys-1-1" })).toBeVisible();
    await expect(pod("keys-1-1")).toBeFocused();

    await page.keyboard.press("Escape");
    await expect(header(1)).toBeFocused();
    await expect(header(1)).toHaveAttribute("aria-expanded", "false");
    await page.keyboard.press("End");
    await expect(header(2)).toBeFocused();
    await page.keyboard.press("Home");
    await expect(header(0)).toBeFocused();
    await page.keyboard.press(" ");
    await expect(header(0)).toHaveAttribute("aria-expanded", "false");
    await page.keyboard.press("Shift+Tab");
    await expect(page.getByRole("tab", { name: "groups" })).toBeFocused();
    await page.screenshot({ path: test.info().outputPath("detail-keyboard.png"), fullPage: true });
  });

  test("the cluster page of a cluster too large to draw pod by pod counts pods per node, and never downloads them", async ({ page }) => {
    kubectl(["create", "namespace", "big"]);
    // 751 groups of 4 pods with no requests: past the 3,000 pods drawn one by one, within the 32 nodes' 3,520 pod slots.
    kubectl(["apply", "-n", "big", "-f", "-"], SAMPLE_LWS.replace("name: leaderworkerset-sample", "name: big").replace("replicas: 3", "replicas: 751"));
    const streams: string[] = [];
    page.on("request", (request) => void (new URL(request.url()).pathname === "/api/stream" && streams.push(new URL(request.url()).search)));
    await expect.poll(() => Number(kubectl(["get", "pods", "-n", "big", "--field-selector", "spec.nodeName!=", "--no-headers", "-o", "name"]).split("\n").filter(Boolean).length), { timeout: 60_000 }).toBeGreaterThan(3000);
    await page.goto(`${app.baseURL}/cluster`);
    await expect(page.getByText(/^\d+ pods on nodes: counted by state on each node, too many to draw one by one\.$/)).toBeVisible();
    await expect(page.getByRole("group", { name: "Rack rack-a1" }).getByText(/^\d+ pods: \d+ (ready|starting)/).first()).toBeVisible();
    await expect(page.locator("[data-chip]")).toHaveCount(0);
    expect(streams).toEqual(["?podCounts=1"]);
    await page.screenshot({ path: test.info().outputPath("cluster-counted.png"), fullPage: true });
    kubectl(["delete", "namespace", "big", "--wait=false"]);
  });
});

test.describe("creating an LWS in the browser", () => {
  let app: AppServer;
  test.beforeAll(async () => {
    app = await startApp({ env: { LWS_SIM_POD_STARTUP_MS: "0" } });
  });
  test.afterAll(async () => {
    await app.stop();
  });

  test("shows an invalid size at the field and its line, creates nothing, then creates the sample from the gallery and sees its 12 pods", async ({ page }) => {
    const streamOf = (namespace: string) => page.waitForRequest((request) => request.url().endsWith(`/api/stream?namespace=${namespace}`));
    const defaultStream = streamOf("default");
    await page.goto(`${app.baseURL}/lws/new`);
    await defaultStream;
    await expect(page.getByText("No problems found")).toBeVisible();
    const size = page.getByLabel("Size (pods per group)");
    await size.fill("0");
    await expect(size).toHaveAttribute("aria-invalid", "true");
    await expect(size).toHaveAccessibleDescription(/Invalid value: 0: size must be equal or greater than 1/);
    await expect(page.getByRole("button", { name: "Create" })).toBeDisabled();
    await page.getByRole("tab", { name: "YAML" }).click();
    await expect(page.getByText("line 8: spec.leaderWorkerTemplate.size: Invalid value: 0: size must be equal or greater than 1")).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("editor-invalid.png"), fullPage: true });
    expect((await page.request.get(`${app.baseURL}/api/lws/default/leaderworkerset-sample/diagnosis`)).status()).toBe(404);
    // The editor streams the namespace the manifest names, once typing it has paused.
    const teamStream = streamOf("team-x");
    await page.getByRole("tab", { name: "Form" }).click();
    await page.getByLabel("Namespace").fill("team-x");
    await teamStream;
    await page.getByRole("button", { name: "Sample", exact: true }).click();
    await expect(page.getByText("No problems found")).toBeVisible();
    await expect(page.getByLabel("Planned changes")).toContainText("creates 3 groups × 4 = 12 pods");
    await expect(page.getByText("Fits now: 3 groups")).toBeVisible();
    await page.getByRole("button", { name: "Create" }).click();
    await expect(page).toHaveURL(/\/lws\/default\/leaderworkerset-sample/);
    await expect(page.getByLabel("Group topology").getByRole("button", { name: /^leaderworkerset-sample-\d+(-\d+)?: Running/ })).toHaveCount(12, { timeout: 30_000 });
  });

  test("changes the image (a rolling update, watched live), then deletes with a confirmation naming what goes", async ({ page }) => {
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.accept();
    });
    await page.goto(`${app.baseURL}/lws/default/leaderworkerset-sample`);
    const topology = page.getByLabel("Group topology");
    await expect(topology.getByText("Ready", { exact: true })).toHaveCount(3, { timeout: 20_000 });
    await page.getByLabel("Image").fill("nginxinc/nginx-unprivileged:1.28");
    await page.getByRole("button", { name: "Update image" }).click();
    for (const group of [0, 1, 2]) {
      await expect(topology.getByRole("button", { name: new RegExp(`^leaderworkerset-sample-${group}: Running`) })).toBeVisible({ timeout: 30_000 });
    }
    await expect(page.getByText(/up-to-date 3/)).toBeVisible({ timeout: 30_000 });
    // The pod may be between its deletion and its replacement (a 404 Status, no spec) while the rollout runs.
    await expect.poll(async () => (await (await page.request.get(`${app.baseURL}/api/pods/default/leaderworkerset-sample-2-1`)).json()).spec?.containers?.[0]?.image, { timeout: 30_000 }).toBe("nginxinc/nginx-unprivileged:1.28");
    // The rollout is over when all 12 pods are Running again (none Terminating or starting).
    await expect(topology.getByRole("button", { name: /^leaderworkerset-sample-\d+(-\d+)?: Running/ })).toHaveCount(12, { timeout: 30_000 });
    await expect(page.getByText(/ready 3\/3 · up-to-date 3/)).toBeVisible({ timeout: 30_000 });
    await page.getByRole("button", { name: "Delete" }).click();
    await expect(page).toHaveURL(`${app.baseURL}/`);
    expect(dialogs.at(-1)).toBe("Delete LeaderWorkerSet default/leaderworkerset-sample? This deletes its 3 groups (12 pods), their StatefulSets, Services and revisions.");
    await expect(page.getByText("No LeaderWorkerSets yet.")).toBeVisible({ timeout: 20_000 });
  });
  test("edits an LWS: plan and diff first; a change by someone else is explained, rebased and kept", async ({ page }) => {
    const manifest = { ...(parse(SAMPLE_LWS) as { metadata: object }), metadata: { name: "edit-me", namespace: "default" } };
    expect((await page.request.post(`${app.baseURL}/api/lws`, { headers: { origin: app.baseURL }, data: manifest })).status()).toBe(201);
    await page.goto(`${app.baseURL}/lws/default/edit-me`);
    await page.getByRole("link", { name: "Edit" }).click();
    await expect(page).toHaveURL(/\/lws\/default\/edit-me\/edit$/);
    await expect(page.getByRole("button", { name: "No changes to apply" })).toBeDisabled();
    await page.getByRole("group", { name: "Leader and workers" }).getByLabel("Image").fill("nginxinc/nginx-unprivileged:1.28");
    await expect(page.getByLabel("Planned changes")).toContainText(/rolling update of 3 groups/);
    await page.getByRole("tab", { name: "Diff" }).click();
    await expect(page.getByRole("region", { name: "Changes against the live object" }).getByText("image: nginxinc/nginx-unprivileged:1.28")).toBeVisible();
    // Someone else scales it while the edit is open.
    const scaled = await page.request.post(`${app.baseURL}/api/lws/default/edit-me/actions`, { headers: { origin: app.baseURL }, data: { action: "scale", replicas: 2, expected: 3 } });
    expect(scaled.ok()).toBe(true);
    const banner = page.getByRole("alert").filter({ hasText: "Changed by someone else" });
    await expect(banner).toContainText("spec.replicas: 3 → 2");
    await expect(page.getByRole("button", { name: "Apply changes" })).toBeDisabled();
    await page.screenshot({ path: test.info().outputPath("editor-conflict.png"), fullPage: true });
    await page.getByRole("button", { name: "Rebase onto their version" }).click();
    await expect(banner).toHaveCount(0);
    await expect(page.getByLabel("Planned changes")).toContainText(/rolling update of 2 groups/);
    await page.getByRole("button", { name: "Apply changes" }).click();
    await expect(page).toHaveURL(/\/lws\/default\/edit-me$/);
    await expect.poll(async () => (await (await page.request.get(`${app.baseURL}/api/pods/default/edit-me-1-1`)).json()).spec?.containers?.[0]?.image, { timeout: 30_000 }).toBe("nginxinc/nginx-unprivileged:1.28");
    await expect(page.getByLabel("Group topology").getByRole("button", { name: /^edit-me-\d+(-\d+)?: Running/ })).toHaveCount(8, { timeout: 30_000 });
  });
});
