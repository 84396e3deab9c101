/**
 * `--trace FILE`: the events of the first accounts of replication 0, streamed to a CSV
 * file, one row per event. The traced accounts are simulated again here, with the
 * same streams, so the trace is the same whatever the number of workers and costs
 * nothing when off. Rows go to disk through a 64 KiB buffer: a trace of any length
 * never sits in memory.
 *
 * Columns (fixed; empty when not applicable):
 * - `replication`, `account`, `seat` (0 unless seats share the account's credits)
 * - `timeDays`: when it happened (days since t = 0); rows come in time order, except
 *   that an `expire` row carries the expiry time and is written when the next event
 *   settles it
 * - `kind`: a TraceKind of the model (grant, spend, refund, expire, forfeit, blocked,
 *   response, free-inmail, connection, warning, restriction, lockout, recovered,
 *   exhausted), `send` for a delivered contact, `close` for the balance at the horizon
 * - `amount`: credits moved (lockout: its length in days; send and close: 0)
 * - `delta`: signed change of the balance (+grant, +refund, −spend, −expire, −forfeit)
 * - `balance`: the balance after the event (a grant's row comes before the forfeit it
 *   causes at a cycle start; a refunded credit whose expiry has passed gets a `refund`
 *   row and then an `expire` row)
 * - `recipient`, `outcome`, `channel`, `respondsAtDays` (send rows; respondsAtDays is
 *   empty when the recipient ignores the message)
 *
 * Per account, the running sum of `delta` equals `balance` on every row, and the
 * `close` row's balance at the end.
 */
import { writeSync } from "node:fs";
import { traceAccount, type AccountModel, type Channel, type Outcome, type TraceKind, type TraceSink } from "../models/index.ts";
import { osInputError } from "./os-error.ts";
import { openStreamOutput, type FileOutput, type StreamOutput } from "./outputs.ts";
import { InputError } from "../experiments/inputs/params.ts";

export interface TraceOptions {
  /** CSV file to write, checked by `fileOutput` (its folder is created; only a regular file is replaced). */
  readonly output: FileOutput;
  /** Accounts traced: 0 … accounts − 1 of replication 0. */
  readonly accounts: number;
}

export const traceColumns = ["replication", "account", "seat", "timeDays", "kind", "amount", "delta", "balance", "recipient", "outcome", "channel", "respondsAtDays"] as const;

/** Direction of each ledger movement; other kinds leave the balance alone. */
const direction: Partial<Record<TraceKind, number>> = { grant: 1, refund: 1, spend: -1, expire: -1, forfeit: -1 };

/** Characters buffered before a write to disk. */
const flushChars = 1 << 16;

/** A TraceSink that appends CSV rows to a stream output (a temporary file until committed). */
class CsvTrace implements TraceSink {
  readonly #out: StreamOutput;
  readonly #output: FileOutput;
  #buffer = "";
  #prefix = "";
  #balance = 0;

  constructor(output: FileOutput) {
    this.#output = output;
    this.#out = openStreamOutput(output);
    this.#write(`${traceColumns.join(",")}\n`);
  }

  /** Rows that follow belong to `account` of `replication`. */
  begin(replication: number, account: number): void {
    this.#prefix = `${replication},${account},`;
    this.#balance = 0;
  }

  record(timeDays: number, kind: TraceKind, amount: number, balance: number, seat = 0): void {
    this.#balance = balance;
    const delta = (direction[kind] ?? 0) * amount;
    this.#write(`${this.#prefix}${seat},${timeDays},${kind},${amount},${delta},${balance},,,,\n`);
  }

  send(timeDays: number, recipient: number, outcome: Outcome, respondsAtDays: number, seat = 0, channel: Channel = "inmail"): void {
    const respondsAt = Number.isNaN(respondsAtDays) ? "" : String(respondsAtDays);
    this.#write(`${this.#prefix}${seat},${timeDays},send,0,0,${this.#balance},${recipient},${outcome},${channel},${respondsAt}\n`);
  }

  /** The account's balance at its horizon. */
  close(horizonDays: number, balance: number): void {
    this.#write(`${this.#prefix}0,${horizonDays},close,0,0,${balance},,,,\n`);
  }

  /** Writes what is buffered; the stream stays a temporary file until committed. */
  end(): StreamOutput {
    this.#flush();
    return this.#out;
  }

  /** Removes the temporary file. */
  discard(): void {
    this.#out.discard();
  }

  #write(row: string): void {
    this.#buffer += row;
    if (this.#buffer.length >= flushChars) this.#flush();
  }

  #flush(): void {
    if (this.#buffer.length > 0) {
      try {
        writeSync(this.#out.fd, this.#buffer);
      } catch (err) {
        throw osInputError(this.#output.option, this.#output.path, err);
      }
    }
    this.#buffer = "";
  }
}

/**
 * Streams the trace of accounts 0 … `options.accounts` − 1 of replication 0 to a
 * temporary file beside `options.output`; the caller commits it (renamed into place)
 * once the run has succeeded, or discards it. When the scenario says how many
 * `accounts` it simulates, tracing more is an InputError (exit 2 on the command line).
 * On any failure the temporary file is removed and the error rethrown (an OS error as
 * an InputError naming `--trace`).
 */
export function writeTrace(model: AccountModel, seed: number | string, options: TraceOptions, accounts = Infinity): StreamOutput {
  if (options.accounts > accounts) {
    throw new InputError(`--trace-accounts: ${options.accounts} is more than the ${accounts} accounts simulated`);
  }
  const out = new CsvTrace(options.output);
  try {
    for (let account = 0; account < options.accounts; account++) {
      out.begin(0, account);
      const { ledger, horizonDays } = traceAccount(model, seed, 0, account, out);
      out.close(horizonDays, ledger.balance);
    }
    return out.end();
  } catch (err) {
    out.discard();
    throw err;
  }
}
