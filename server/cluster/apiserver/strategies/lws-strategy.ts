import { withStructuralDefaults } from "../openapi/lws-schema";
import type { KindStrategy } from "./strategy";

/**
 * LeaderWorkerSet is a CRD upstream: the API server itself only applies the schema's structural
 * defaults. Its webhook defaulting and validation plug into the admission chain (server/lws).
 */
export const leaderWorkerSetStrategy: KindStrategy = {
  prepareForCreate(object) {
    Object.assign(object, withStructuralDefaults(object));
  },
  prepareForUpdate(object) {
    Object.assign(object, withStructuralDefaults(object));
  },
};
