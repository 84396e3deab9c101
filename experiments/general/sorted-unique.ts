/** The distinct values of `xs`, ascending: a sweep's fixed grid with the user's own value added once. */
export const sortedUnique = (xs: readonly number[]): number[] => [...new Set(xs)].sort((a, b) => a - b);
