/**
 * A Beta(a, b) draw that stays right for any positive shapes. d3's randomBeta divides
 * two Gamma draws, and a Gamma draw of a shape below ~0.01 underflows to 0 for almost
 * every uniform (Gamma(k) = Gamma(k + 1) · U^(1/k)): it then returns 0 every time, so
 * a very spread audience (`audience.heterogeneity` near 0) would never respond. Below
 * `smallShape` the two Gamma draws are taken in log space, so the draw tends to its
 * true limit — Bernoulli(a / (a + b)), near 0 or near 1 — as the shapes shrink; from
 * `smallShape` up it is d3's draw, bit for bit.
 */
import { randomBeta, randomGamma } from "d3-random";

/** Shapes at and above which d3's randomBeta is used as it is. */
export const smallShape = 0.01;

/** One Beta(a, b) draw (a, b > 0) from the uniform `source`. */
export function betaDraw(source: () => number, a: number, b: number): number {
  if (Math.min(a, b) >= smallShape) return randomBeta.source(source)(a, b)();
  const gamma = randomGamma.source(source);
  // log Gamma(k) = log Gamma(k + 1) + log(U) / k, for each shape.
  const logX = Math.log(gamma(a + 1)()) + Math.log(source()) / a;
  const logY = Math.log(gamma(b + 1)()) + Math.log(source()) / b;
  if (logX === -Infinity) return 0;
  if (logY === -Infinity) return 1;
  return 1 / (1 + Math.exp(logY - logX));
}
