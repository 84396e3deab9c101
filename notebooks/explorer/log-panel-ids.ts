/** The id of the explorer's "your log" panel, shared by its HTML and its script. */
export const logPanelId = "log-panel";
