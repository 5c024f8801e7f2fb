import type { BenchGoal } from './bench-goals.mjs';

export type Figure = { figure: string; baseline?: string; value?: number; unit?: string; text: string };
export function parseFigures(output: string): Figure[];
export function summaryTable(figures: readonly Figure[], goals: readonly BenchGoal[]): string[];
