/** Percentile of a sample (nearest-rank), in the sample's unit. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** the target, and whether lower is better */
  target?: { value: number; lowerIsBetter: boolean };
}

export function figure(name: string, value: number, unit: string, target?: number, lowerIsBetter = true): Figure {
  return { name, value, unit, ...(target !== undefined ? { target: { value: target, lowerIsBetter } } : {}) };
}

export function printFigures(title: string, figures: readonly Figure[]): void {
  console.log(`\n## ${title}`);
  for (const f of figures) {
    const value = `${f.value < 10 ? f.value.toFixed(2) : f.value < 100 ? f.value.toFixed(1) : f.value.toFixed(0)} ${f.unit}`;
    let verdict = "";
    if (f.target) {
      const met = f.target.lowerIsBetter ? f.value <= f.target.value : f.value >= f.target.value;
      verdict = `target ${f.target.lowerIsBetter ? "≤" : "≥"} ${f.target.value} ${f.unit}: ${met ? "met" : "MISSED"}`;
    }
    console.log(`  ${f.name.padEnd(60)} ${value.padStart(14)}   ${verdict}`);
  }
}
