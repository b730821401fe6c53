import type { Root } from 'hast';
import type { VFile } from 'vfile';

export interface MathError {
  line: number | undefined;
  column: number | undefined;
  message: string;
}

/**
 * rehype-katex reports bad TeX as a file message and renders it in red; a published page must not
 * carry that. This hands each such message to the caller, which fails the build with its location.
 */
export function rehypeCollectKatexErrors(options: { onError: (error: MathError) => void }) {
  return (_tree: Root, file: VFile) => {
    for (const message of file.messages) {
      if (message.source !== 'rehype-katex') continue;
      const cause = message.cause instanceof Error ? message.cause.message : message.reason;
      // Display math's <code> is made by remark-math without a position; its <pre> parent has one.
      const placed = [...(message.ancestors ?? [])].reverse().find((node) => node.position);
      const start = message.line !== undefined ? { line: message.line, column: message.column } : placed?.position?.start;
      options.onError({ line: start?.line ?? undefined, column: start?.column ?? undefined, message: cause });
    }
  };
}
