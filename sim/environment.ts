/**
 * The simulation environment: one clock, one event calendar and the random streams
 * of one replication. Nothing lives at module level, so any number of environments
 * can run side by side in one process. Time is in days everywhere in this project.
 */
import { Calendar } from "./calendar.ts";
import { createStream, type Distribution, type StreamBank, type Uniform } from "./random.ts";

/**
 * Receives each event. An object with a method (rather than a closure per event)
 * keeps the dispatch monomorphic and allocation-free.
 */
export interface EventHandler {
  handle(kind: number, a: number, b: number, c: number): void;
}

export interface EnvironmentOptions {
  /** Master seed of the experiment. */
  seed: number | string;
  /** Replication number (0-based); part of every stream's key. */
  replication: number;
}

export class Environment {
  /** Current simulation time, in days. */
  now = 0;
  /** Time and float payloads of the event the next `post` schedules. */
  postAt = NaN;
  postB = NaN;
  postC = NaN;
  /** Events processed since construction (or the last `reset`). */
  processed = 0;
  readonly seed: number | string;
  readonly replication: number;
  readonly calendar = new Calendar();

  constructor(options: EnvironmentOptions) {
    this.seed = options.seed;
    this.replication = options.replication;
  }

  /** The named stream of this replication for `entity` and `purpose`. */
  stream(entity: number | string, purpose: string): Uniform {
    return createStream(this.seed, this.replication, entity, purpose);
  }

  /** Seeds stream `i` of `bank` as the named stream of this replication (see `stream`). */
  seedStream(bank: StreamBank, i: number, entity: number | string, purpose: string, distribution?: Distribution): void {
    bank.seed(i, this.seed, this.replication, entity, purpose, distribution);
  }

  /** Schedules an event `delayDays` from now. */
  schedule(delayDays: number, kind: number, a = 0, b = 0, c = 0): void {
    this.calendar.push(this.now + delayDays, kind, a, b, c);
  }

  /** Schedules an event at absolute time `timeDays` (not before now). */
  scheduleAt(timeDays: number, kind: number, a = 0, b = 0, c = 0): void {
    if (!(timeDays >= this.now)) {
      throw new RangeError(`cannot schedule at ${timeDays}: the clock is already at ${this.now}`);
    }
    this.calendar.push(timeDays, kind, a, b, c);
  }

  /**
   * Schedules (`postAt`, `kind`, `a`, `postB`, `postC`): `scheduleAt` for hot loops.
   * V8 boxes a float passed to a call it does not inline (an allocation per event);
   * a float set in a field is stored in place. Set all three fields, then call this.
   */
  post(kind: number, a: number): void {
    const t = this.postAt;
    if (!(t >= this.now)) {
      throw new RangeError(`cannot schedule at ${t}: the clock is already at ${this.now}`);
    }
    const calendar = this.calendar;
    calendar.nextTime = t;
    calendar.nextB = this.postB;
    calendar.nextC = this.postC;
    calendar.insert(kind, a);
  }

  /**
   * Processes events in (time, scheduling order) until none is left before `untilDays`;
   * events at exactly `untilDays` stay pending (as in SimPy). The clock ends at `untilDays`.
   */
  run(untilDays: number, handler: EventHandler): void {
    const calendar = this.calendar;
    let processed = this.processed;
    while (calendar.hasBefore(untilDays)) {
      calendar.pop();
      this.now = calendar.time;
      processed++;
      handler.handle(calendar.kind, calendar.a, calendar.b, calendar.c);
    }
    this.processed = processed;
    if (untilDays > this.now) this.now = untilDays;
  }

  /** Empties the calendar and sets the clock back to 0, keeping the storage. */
  reset(): void {
    this.calendar.clear();
    this.now = 0;
  }
}
