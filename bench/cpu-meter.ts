import { performance } from "node:perf_hooks";
import { figure, type Figure } from "./stats";

export interface CpuSpent {
  /** the event loop's busy time: the main thread, where the API server and controllers run */
  mainMs: number;
  /** user and system time of every thread: GC helpers and the SQLite checkpointer too */
  processMs: number;
}

/**
 * Starts measuring the CPU a run spends; the function returned reads it. Time per pod reads more
 * steadily than a wall time, which also holds the waits of a pipeline.
 */
export function startCpuMeter(): () => CpuSpent {
  const loop = performance.eventLoopUtilization();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { mainMs: performance.eventLoopUtilization(loop).active, processMs: (used.user + used.system) / 1000 };
  };
}

/** The two per-pod figures printed under a run's wall time. */
export function cpuFigures(cpu: CpuSpent, pods: number): Figure[] {
  return [figure("  main thread busy per pod", (cpu.mainMs * 1000) / pods, "µs"), figure("  CPU per pod, all threads", (cpu.processMs * 1000) / pods, "µs")];
}
