/** Starts the control plane with the server, so the API and controllers run before the first request. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { controlPlane } = await import("./server/control-plane");
  await controlPlane();
}
