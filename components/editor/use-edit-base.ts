"use client";

import { useState } from "react";
import type { LwsView } from "@/lib/dashboard/view-models";
import { deepEqual } from "@/lib/k8s/deep-equal";
import type { KubeObject } from "@/lib/k8s/types";
import { editableManifest } from "@/lib/lws/live-manifest";

/** What an edit started from: the manifest as the user first saw it, and its resourceVersion. */
export interface EditBase {
  manifest: KubeObject;
  resourceVersion: string;
}

export interface EditTracking {
  base?: EditBase;
  /** the live LWS's editable part, when it differs from the base: someone else changed it */
  theirs?: KubeObject;
  /** takes the live object as the new starting point (after a rebase) */
  adoptLive: () => void;
}

/**
 * Follows the live LWS while it is edited. Status churn moves its resourceVersion on, and that
 * is no reason for a conflict: while the editable part is unchanged, the base follows along.
 */
export function useEditBase(live: LwsView | undefined, onFirstLoad: (base: EditBase) => void): EditTracking {
  const [base, setBase] = useState<EditBase>();
  const liveBase = live && { manifest: editableManifest(live), resourceVersion: live.metadata.resourceVersion ?? "" };
  const sameContent = !!base && !!liveBase && deepEqual(base.manifest, liveBase.manifest);
  // Adjusting state while rendering (React's pattern for state derived from props): no extra pass.
  if (liveBase && (!base || (sameContent && base.resourceVersion !== liveBase.resourceVersion))) {
    if (!base) onFirstLoad(liveBase);
    setBase(liveBase);
  }
  return { base, theirs: base && liveBase && !sameContent ? liveBase.manifest : undefined, adoptLive: () => liveBase && setBase(liveBase) };
}
