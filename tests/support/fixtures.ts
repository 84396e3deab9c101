import { readFileSync } from "node:fs";
import type { BalanceEventRow, BalanceRow } from "../../reports/figures/balance-timeline.ts";
import type { CapacityRow } from "../../reports/figures/capacity-vs-reply-rate.ts";
import type { CostRow } from "../../reports/figures/cost-per-reply.ts";
import type { GroupedBarRow } from "../../reports/figures/grouped-bars.ts";
import type { MultiplierRow } from "../../reports/figures/multiplier-heatmap.ts";
import type { TornadoRow } from "../../reports/figures/tornado.ts";

/** Reads tests/reports/fixtures/<name>.json. The fixtures are hand-checked, so they are trusted as typed. */
function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../reports/fixtures/${name}.json`, import.meta.url), "utf8")) as T;
}

export const capacityRows = fixture<CapacityRow[]>("capacity-vs-reply-rate");
export const multiplierRows = fixture<MultiplierRow[]>("multiplier-heatmap");
export const balance = fixture<{ balances: BalanceRow[]; events: BalanceEventRow[] }>("balance-timeline");
export const costRows = fixture<CostRow[]>("cost-per-reply");
export const tornadoRows = fixture<TornadoRow[]>("tornado");
export const groupedRows = fixture<GroupedBarRow[]>("grouped-bars");
