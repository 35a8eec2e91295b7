/**
 * The images each simulated node holds, so pulls behave as on a real node: the first pod to use
 * an image on a node pulls it, later ones with `IfNotPresent` find it "already present on
 * machine", and `Always` pulls every time. Kept in memory: after a restart nodes pull again,
 * as a node with a wiped image cache would.
 */
export class NodeImages {
  private readonly byNode = new Map<string, Set<string>>();

  /** Whether starting a container must pull its image first; records the image as present. */
  mustPull(node: string, image: string, pullPolicy: string | undefined): boolean {
    let images = this.byNode.get(node);
    if (!images) this.byNode.set(node, (images = new Set()));
    const present = images.has(image);
    images.add(image);
    return pullPolicy === "Always" || !present;
  }
}
