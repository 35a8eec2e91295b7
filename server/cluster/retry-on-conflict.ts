import { isConflict } from "@/lib/k8s/api-errors";

const ATTEMPTS = 5;

/** client-go's retry.RetryOnConflict: reruns a read-modify-write that lost a race with another writer. */
export async function retryOnConflict<T>(readModifyWrite: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await readModifyWrite();
    } catch (err) {
      if (!isConflict(err) || attempt >= ATTEMPTS) throw err;
    }
  }
}
