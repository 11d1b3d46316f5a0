/**
 * @module The benchmark page of `<prm-deal-list>`: ten thousand deals from a fake client, and the
 * probes that `deal-list.bench.ts` drives through `window.dealListBench`.
 */
import '../src/widgets/define.js';
import type { PrmDealList } from '../src/widgets/deal-list/prm-deal-list.js';
import { fakeDealClient, makeDeals } from './deal-list.fixture.js';

const params = new URLSearchParams(location.search);
const TOTAL = Number(params.get('deals') ?? 10_000);
/** The first page waits this long, as a network would, so the skeleton is up when data arrives. */
const LATENCY_MS = 200;

interface FirstRow {
  /** From the first page's promise resolving to the first row element in the DOM. */
  domMs: number;
  /** Rows in the DOM when the first frame after the data has been produced. */
  rowsInFirstFrame: number;
  /** From the data to the end of the frame that first showed rows. */
  paintedMs: number;
}

const rowsOf = (el: PrmDealList) => el.renderRoot.querySelectorAll("[role='listitem']").length;

const fake = fakeDealClient({
  deals: makeDeals(TOTAL),
  role: 'channel_manager',
  beforeList: (_query, call) =>
    call === 0 ? new Promise((resolve) => setTimeout(resolve, LATENCY_MS)) : undefined,
});

let dataAt = 0;
let firstRow: Promise<FirstRow> | undefined;
const list = fake.client.deals.list;
fake.client.deals.list = async (query, opts) => {
  const page = await list(query, opts);
  if (!dataAt) {
    dataAt = performance.now();
    firstRow = watchFirstRow();
  }
  return page;
};

/** Frames are counted from the data: a `setTimeout(0)` queued in a frame's rAF runs after its paint. */
function afterNextFrame(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now()))),
  );
}

async function watchFirstRow(): Promise<FirstRow> {
  const el = document.querySelector('prm-deal-list')!;
  const domAt = new Promise<number>((resolve) => {
    const observer = new MutationObserver(() => {
      if (rowsOf(el) > 0) {
        observer.disconnect();
        resolve(performance.now());
      }
    });
    observer.observe(el.renderRoot, { childList: true, subtree: true });
  });
  await afterNextFrame();
  const rowsInFirstFrame = rowsOf(el);
  let paintedAt = performance.now();
  while (rowsOf(el) === 0) paintedAt = await afterNextFrame();
  return { domMs: (await domAt) - dataAt, rowsInFirstFrame, paintedMs: paintedAt - dataAt };
}

interface ScrollResult {
  frames: number;
  durationMs: number;
  longestFrameMs: number;
  p95FrameMs: number;
  p99FrameMs: number;
  framesOver50ms: number;
  longTasks: number;
  longestTaskMs: number;
  maxRowsInDom: number;
  dealsLoaded: number;
  reachedEnd: boolean;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

/** Scrolls the list by `step` pixels a frame until every deal is loaded and the end is shown. */
async function scrollThrough(step: number, maxFrames = 30_000): Promise<ScrollResult> {
  const el = document.querySelector('prm-deal-list')!;
  const scroller = el.renderRoot.querySelector<HTMLElement>("[role='list']")!;
  const deltas: number[] = [];
  const tasks: number[] = [];
  const observer = new PerformanceObserver((entries) => {
    for (const entry of entries.getEntries()) tasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  let maxRows = 0;
  const started = performance.now();
  const reachedEnd = await new Promise<boolean>((resolve) => {
    let last = 0;
    const frame = (time: number) => {
      if (last) deltas.push(time - last);
      last = time;
      maxRows = Math.max(maxRows, rowsOf(el));
      const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
      if (atEnd && el.deals.length >= TOTAL) return resolve(true);
      if (deltas.length >= maxFrames) return resolve(false);
      scroller.scrollTop += step;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  await afterNextFrame();
  observer.disconnect();
  const sorted = [...deltas].sort((a, b) => a - b);
  return {
    frames: deltas.length,
    durationMs: performance.now() - started,
    longestFrameMs: sorted.at(-1) ?? 0,
    p95FrameMs: percentile(sorted, 95),
    p99FrameMs: percentile(sorted, 99),
    framesOver50ms: deltas.filter((d) => d > 50).length,
    longTasks: tasks.length,
    longestTaskMs: tasks.length ? Math.max(...tasks) : 0,
    maxRowsInDom: maxRows,
    dealsLoaded: el.deals.length,
    reachedEnd,
  };
}

const el = document.createElement('prm-deal-list');
el.lang = 'en';
el.pageSize = 200;
el.client = fake.client;
document.body.append(el);

declare global {
  interface Window {
    dealListBench: {
      total: number;
      firstRow(): Promise<FirstRow>;
      scrollThrough(step: number): Promise<ScrollResult>;
    };
  }
}

window.dealListBench = {
  total: TOTAL,
  firstRow: async () => {
    while (!firstRow) await new Promise((resolve) => setTimeout(resolve, 10));
    return firstRow;
  },
  scrollThrough,
};
