/**
 * The coordinator's progress on stderr while a queue runs its jobs (terminals only, as
 * progress.ts): jobs done of the total, workers connected to the queue, jobs per
 * second since the start, and the estimated time left.
 */
import cliProgress from "cli-progress";

export interface QueueProgress {
  update(done: number, workers: number): void;
  stop(): void;
}

const silent: QueueProgress = { update() {}, stop() {} };

export function queueProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): QueueProgress {
  if (!stream.isTTY || total <= 0) return silent;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${label} [{bar}] {value}/{total} jobs | {workers} workers | {rate} jobs/s | eta {eta_formatted}`,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  bar.start(total, 0, { workers: 0, rate: "0.0" });
  return {
    update(done, workers) {
      const seconds = (performance.now() - started) / 1000;
      bar.update(done, { workers, rate: (seconds > 0 ? done / seconds : 0).toFixed(1) });
    },
    stop: () => bar.stop(),
  };
}
