import { reportValue } from '../report';

/**
 * Watches the page's main thread for long tasks (over 50 ms, the Long Tasks API) while one flow runs. The issue's
 * goal is that unlock, evidence add, export, import and report generation never freeze the page: no task over 50 ms.
 */
export type LongTaskWatch = {
  stop(): { readonly longestMs: number; readonly count: number; readonly totalMs: number };
};

export function watchLongTasks(): LongTaskWatch {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  return {
    stop() {
      for (const entry of observer.takeRecords()) durations.push(entry.duration);
      observer.disconnect();
      return {
        longestMs: durations.reduce((a, b) => Math.max(a, b), 0),
        count: durations.length,
        totalMs: durations.reduce((a, b) => a + b, 0),
      };
    },
  };
}

/** Runs `flow` under a long-task watch and prints `BENCH longest main-thread task: <flow>: <ms> ms`. */
export async function reportLongestTask<T>(flow: string, run: () => Promise<T>): Promise<T> {
  const watch = watchLongTasks();
  let result: T;
  try {
    result = await run();
  } finally {
    // Entries are queued after the task ends: give the observer one turn to receive the last one.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const { longestMs, count, totalMs } = watch.stop();
  reportValue(
    `longest main-thread task: ${flow}`,
    longestMs,
    'ms',
    `${count} tasks over 50 ms, ${totalMs.toFixed(0)} ms in all`,
  );
  return result;
}
