// Reads the `BENCH` lines of one `npm run bench` run and builds the closing table: every figure, its goal, the
// measured value and whether it meets the goal (scripts/bench-goals.mjs holds the goals; docs/performance.md
// explains the figures).

// ANSI colour codes vitest may put around a console line.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
// `BENCH <figure>: <a> ms vs <baseline> <b> ms = <r>x (<extra>)`, as test/bench/report.ts prints a ratio.
const RATIO = /^BENCH (.+?): ([\d.]+) (ms|MiB) vs (.+?) ([\d.]+) (ms|MiB) = ([\d.]+)x(?: \((.*)\))?$/;
// `BENCH <figure>: <value> <unit> (<extra>)`, as test/bench/report.ts prints a single value.
const VALUE = /^BENCH (.+?): (-?[\d.]+) (ms|MiB|KiB)(?: \((.*)\))?$/;

/**
 * @typedef {{ figure: string; baseline?: string; value?: number; unit?: string; text: string }} Figure
 */

/** Every figure in `output`, in the order printed; lines that are neither a ratio nor a value keep their text. */
export function parseFigures(output) {
  /** @type {Figure[]} */
  const figures = [];
  for (const raw of output.split('\n')) {
    const line = raw.replace(ANSI, '').trim();
    if (!line.startsWith('BENCH ')) continue;
    const ratio = RATIO.exec(line);
    if (ratio) {
      figures.push({
        figure: ratio[1],
        baseline: ratio[4].replace(/:$/, ''),
        value: Number(ratio[7]),
        unit: 'x',
        text: line,
      });
      continue;
    }
    const value = VALUE.exec(line);
    if (value) {
      figures.push({ figure: value[1], value: Number(value[2]), unit: value[3], text: line });
      continue;
    }
    const colon = line.indexOf(': ');
    figures.push({ figure: colon > 0 ? line.slice(6, colon) : line.slice(6), text: line.slice(colon + 2) });
  }
  return figures;
}

/** @param {import('./bench-goals.mjs').BenchGoal} goal @param {Figure} figure */
function matches(goal, figure) {
  return goal.figure === figure.figure && (goal.baseline === undefined || goal.baseline === figure.baseline);
}

const shown = (figure) => {
  if (figure.value === undefined) return figure.text.length > 70 ? `${figure.text.slice(0, 67)}…` : figure.text;
  return figure.unit === 'x' ? `${figure.value.toFixed(2)}×` : `${figure.value} ${figure.unit}`;
};

/**
 * The summary as Markdown table lines: every figure with its goal (or "—") and verdict, then every goal no figure
 * answered ("not measured"), then a count.
 * @param {Figure[]} figures
 * @param {readonly import('./bench-goals.mjs').BenchGoal[]} goals
 */
export function summaryTable(figures, goals) {
  const rows = ['| figure | against | measured | goal | meets |', '| --- | --- | --- | --- | --- |'];
  let met = 0;
  let missed = 0;
  for (const figure of figures) {
    const goal = goals.find((g) => matches(g, figure));
    let verdict = '—';
    if (goal && figure.value !== undefined && figure.unit === goal.unit) {
      const ok = figure.value <= goal.max;
      verdict = ok ? 'yes' : 'NO';
      if (ok) met++;
      else missed++;
    }
    rows.push(
      `| ${figure.figure} | ${figure.baseline ?? ''} | ${shown(figure)} | ${goal ? goal.goal : '—'} | ${verdict} |`,
    );
  }
  const unmeasured = goals.filter((goal) => !figures.some((figure) => matches(goal, figure)));
  for (const goal of unmeasured)
    rows.push(`| ${goal.figure} | ${goal.baseline ?? ''} | not measured | ${goal.goal} | NO |`);
  rows.push('');
  rows.push(
    `${figures.length} figures; goals: ${met} met, ${missed} not met, ${unmeasured.length} not measured (of ${goals.length}).`,
  );
  return rows;
}
