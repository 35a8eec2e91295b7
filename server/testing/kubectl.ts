import { execFile, spawn, spawnSync, type ChildProcess } from "node:child_process";

/** True when the real kubectl is installed; kubectl tests are skipped (with a message) otherwise. */
export const hasKubectl = spawnSync("kubectl", ["version", "--client"], { stdio: "ignore" }).status === 0;
if (!hasKubectl) console.warn("kubectl is not installed: the kubectl compatibility tests are skipped");

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs kubectl against a kubeconfig, with an isolated discovery cache. */
export function kubectl(kubeconfig: string, args: string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<KubectlResult> {
  return new Promise((resolve) => {
    const child = execFile("kubectl", args, { env: kubectlEnv(kubeconfig, options.env), timeout: 30_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** Starts a long-running kubectl (e.g. `get -w`) and collects its output as it comes. */
export function kubectlStream(kubeconfig: string, args: string[]): { child: ChildProcess; output: () => string; waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<string> } {
  const child = spawn("kubectl", args, { env: kubectlEnv(kubeconfig) });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const waitFor = (pattern: RegExp, timeoutMs = 10_000) =>
    new Promise<string>((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error(`timed out waiting for ${pattern} in:\n${out}`)), timeoutMs);
      const check = () => {
        if (!pattern.test(out)) return;
        clearTimeout(deadline);
        child.stdout.off("data", check);
        child.stderr.off("data", check);
        resolve(out);
      };
      child.stdout.on("data", check);
      child.stderr.on("data", check);
      check();
    });
  return { child, output: () => out, waitFor };
}

function kubectlEnv(kubeconfig: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, KUBECONFIG: kubeconfig, KUBECACHEDIR: `${kubeconfig}.cache`, ...extra };
}
