/**
 * Progress on stderr for long work: a bar when stderr is a terminal, nothing
 * otherwise (CI logs and pipes stay clean). Updating is cheap; call it per chunk of
 * work, not per event.
 */
import cliProgress from "cli-progress";

export interface Progress {
  /** Marks `n` more units of work done. */
  tick(n?: number): void;
  stop(): void;
}

const silent: Progress = { tick() {}, stop() {} };

export function progress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total <= 0) return silent;
  const bar = new cliProgress.SingleBar({ stream, format: `${label} [{bar}] {percentage}% | {value}/{total} | eta {eta_formatted}`, hideCursor: true }, cliProgress.Presets.shades_classic);
  bar.start(total, 0);
  return {
    tick: (n = 1) => bar.increment(n),
    stop: () => bar.stop(),
  };
}
