/**
 * Sensitivity of conversations a month to each message lever around a plain base
 * message — length band, specific subject, mutual ground, clear call to action,
 * personalisation, Open to Work targeting, weekday and off-peak effects — each a
 * paired point with common random numbers, as a tornado; with the reply rate per
 * InMail by length band and by weekday of sending. Lever sizes other than the
 * length bands and the weekday pattern are assumptions, labelled so.
 *
 *   npx tsx notebooks/message-levers.ts [--out FILE] [--set name=value]... [--workers N]
 */
import { isMain } from "../cli/command-line.ts";
import type { ParamValues } from "../experiments/inputs/params.ts";
import { computeMessageLevers, type MessageLeversResults } from "./message-levers/compute.ts";
import { messageLeversPage } from "./message-levers/page.ts";
import { messageLeversParams, messageLeversParamsFrom } from "./message-levers/params.ts";
import { notebookMain, type Notebook, type NotebookContext } from "../cli/notebook-cli.ts";

export { computeMessageLevers, messageLeversPage, messageLeversParams, messageLeversParamsFrom, type MessageLeversResults };

export const messageLevers: Notebook = {
  name: "message-levers",
  description:
    "Which message levers move conversations a month the most (tornado of paired runs around a plain base message),\n" +
    "with replies per InMail by LinkedIn's length bands and by weekday of sending. Lever sizes other than length and\n" +
    "weekday are assumptions and are labelled so. Writes one self-contained HTML page and prints its path.",
  params: messageLeversParams,
  async run(values: ParamValues, context: NotebookContext) {
    const results = await computeMessageLevers(messageLeversParamsFrom(values), { workers: context.workers, big: context.big });
    return messageLeversPage(results, context.provenance);
  },
};

if (isMain(import.meta.url)) notebookMain(messageLevers);
