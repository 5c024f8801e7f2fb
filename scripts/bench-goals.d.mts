export type BenchGoal = {
  readonly figure: string;
  readonly baseline?: string;
  readonly unit: 'x' | 'ms' | 'MiB' | 'KiB';
  readonly max: number;
  readonly goal: string;
};
export const benchGoals: readonly BenchGoal[];
