/** The notebooks run their scenario points with the scenarios' runner (scenarios/run-points.ts). */
export { pointValues, runPoints, type PointOverrides, type PointRun, type PointsOptions } from "../scenarios/run-points.ts";
