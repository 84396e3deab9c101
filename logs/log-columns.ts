/**
 * The fields of the send-log format (docs/send-logs.md, "Log format"): four required, four optional,
 * in the order a row's fields are passed around.
 */
export const requiredColumns = ["sentAt", "recipientId", "outcome", "respondedAt"] as const;
export const optionalColumns = ["account", "plan", "channel", "messageLength"] as const;
export const logColumns = [...requiredColumns, ...optionalColumns] as const;
export type LogColumn = (typeof logColumns)[number];
