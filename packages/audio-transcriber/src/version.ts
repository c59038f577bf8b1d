/** Recorded in every envelope's `meta.widget`; a test keeps it equal to package.json. */
export const VERSION = '0.1.0';
export const WIDGET_ID = `@tagwerk/audio-transcriber@${VERSION}`;
