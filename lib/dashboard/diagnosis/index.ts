/** Why a group (or the rolling update) is where it is: pure, shared by the API route and the browser. */
export { diagnose, diagnoseLws, diagnoseRollout } from "./diagnose";
export type { Cause, DiagnosisInput, GroupDiagnosis, LwsDiagnosis, RestartHistory, RolloutDiagnosis, Verdict } from "./types";
export { sharedDiagnoses, type SharedCause, type SharedDiagnosis } from "./shared-diagnoses";
