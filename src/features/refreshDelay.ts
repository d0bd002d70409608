/** How long after the last keystroke a view, a picture or the cursor's follower takes up an edit. */
export const REFRESH_DELAY_MS = 300;
