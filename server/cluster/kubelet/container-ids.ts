/** The identifiers a container runtime reports, derived from what they identify so a rerun agrees with itself. */
import { createHash } from "node:crypto";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** nginx:1.27 → docker.io/library/nginx, as containerd names a short image reference. */
function repository(image: string): string {
  const withoutDigest = image.split("@")[0];
  const slash = withoutDigest.lastIndexOf("/");
  const colon = withoutDigest.lastIndexOf(":");
  const name = colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
  const first = name.split("/")[0];
  const hasRegistry = name.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost");
  if (hasRegistry) return name;
  return name.includes("/") ? `docker.io/${name}` : `docker.io/library/${name}`;
}

export function imageId(image: string): string {
  return `${repository(image)}@sha256:${sha256(`image:${image}`)}`;
}

/** One id per run of a container: a restart gets a new one. */
export function containerId(podUid: string, container: string, restartCount: number): string {
  return `containerd://${sha256(`${podUid}/${container}/${restartCount}`)}`;
}
