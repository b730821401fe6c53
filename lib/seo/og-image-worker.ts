/**
 * The child process that `npm run build` draws its preview images in (drawOgImagesInChildProcess in
 * ./og-images.ts): it receives the drawings as its one message, answers with the outcome, and exits.
 */
import { drawOgImages, type OgImageDrawing } from './og-image-drawing';

export type OgImageWorkerOutcome = { ok: true } | { ok: false; error: string; stack?: string };

function isDrawingList(message: unknown): message is OgImageDrawing[] {
  return (
    Array.isArray(message) &&
    message.every((item: unknown) => typeof item === 'object' && item !== null && 'file' in item && typeof item.file === 'string' && 'card' in item)
  );
}

// A build that stops (an error in its other steps, Ctrl-C) closes the channel: there is no one to draw for.
process.once('disconnect', () => process.exit());

const answer = (outcome: OgImageWorkerOutcome) => process.send?.(outcome, () => process.disconnect());

process.once('message', (message: unknown) => {
  if (!isDrawingList(message)) {
    answer({ ok: false, error: 'og-image-worker: expected a list of { card, file } drawings' });
    return;
  }
  drawOgImages(message).then(
    () => answer({ ok: true }),
    (error: unknown) => answer(error instanceof Error ? { ok: false, error: error.message, stack: error.stack } : { ok: false, error: String(error) }),
  );
});
