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

// A cluster runs few images, each reported on every container status: digest each once.
const imageIds = new Map<string, string>();
const IMAGE_IDS_LIMIT = 1_000;

export function imageId(image: string): string {
  let id = imageIds.get(image);
  if (id === undefined) {
    if (imageIds.size >= IMAGE_IDS_LIMIT) imageIds.clear();
    imageIds.set(image, (id = `${repository(image)}@sha256:${sha256(`image:${image}`)}`));
  }
  return id;
}

/** One id per run of a container: a restart gets a new one. */
export function containerId(podUid: string, container: string, restartCount: number): string {
  return `containerd://${sha256(`${podUid}/${container}/${restartCount}`)}`;
}
