/**
 * How a contact reaches a recipient. Only `inmail` uses a credit; an Open Profile
 * member gets a free InMail and a connection request is free. The order is fixed: a
 * channel's index is its code in send logs and in simulator event payloads.
 */
export const channels = ["inmail", "open-profile", "connection"] as const;
export type Channel = (typeof channels)[number];
