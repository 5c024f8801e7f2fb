import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';

export type ReportBar = { readonly name: string; readonly count: number };

/** The bar chart of one report table (recharts: its own chunk, loaded when a report is first shown). */
export function ReportBarChart({ bars }: { readonly bars: readonly ReportBar[] }) {
  return (
    <BarChart
      width={640}
      height={Math.max(120, 36 * bars.length + 40)}
      data={[...bars]}
      layout="vertical"
      margin={{ left: 16, right: 24 }}
    >
      <CartesianGrid horizontal={false} stroke="#d9dee5" />
      <XAxis type="number" allowDecimals={false} />
      <YAxis type="category" dataKey="name" width={260} tick={{ fontSize: 12 }} />
      <Bar dataKey="count" fill="#1d4ed8" isAnimationActive={false} />
    </BarChart>
  );
}
