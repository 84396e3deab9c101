/**
 * The explorer's Web Worker (a classic script made from an inlined Blob): it plans
 * the team's model runs from validated values, runs them in this thread exactly as
 * `runModels` cuts and adds them (run-in-thread.ts), and posts progress and the
 * planner's result. Between jobs it yields to its message queue, so a newer request
 * stops the running one within one job.
 */
import { runModelsInThread } from "../../../runner/run-in-thread.ts";
import { InputError } from "../../../scenarios/params.ts";
import type { ComputeRequest, WorkerReply } from "../messages.ts";
import { planTeam, teamResult } from "../planner.ts";

/** Work this long (ms) between yields to the message queue, and between progress messages. */
const sliceMs = 8;
const progressMs = 50;

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ComputeRequest>) => void) | null;
  postMessage(reply: WorkerReply): void;
};

let latest = -1;
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
/** Resolves after every message already queued for this thread has been handled. */
const yieldToMessages = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });

async function compute({ id, values }: ComputeRequest): Promise<void> {
  if (values === null) return;
  try {
    const plan = planTeam(values);
    let sliceStart = performance.now();
    let lastProgress = sliceStart;
    const tallies = await runModelsInThread(plan.runs, {
      between: async (done, total) => {
        const now = performance.now();
        if (now - lastProgress >= progressMs) {
          scope.postMessage({ id, kind: "progress", done, total });
          lastProgress = now;
        }
        if (now - sliceStart >= sliceMs) {
          await yieldToMessages();
          sliceStart = performance.now();
        }
        return latest === id;
      },
    });
    if (tallies === null || latest !== id) return;
    scope.postMessage({ id, kind: "result", result: teamResult(plan, tallies) });
  } catch (err) {
    if (latest !== id) return;
    const message = err instanceof Error ? err.message : String(err);
    scope.postMessage({ id, kind: err instanceof InputError ? "invalid" : "failed", message });
  }
}

scope.onmessage = (event) => {
  latest = event.data.id;
  void compute(event.data);
};
