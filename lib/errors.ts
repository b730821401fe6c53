/**
 * The errors the build reports to the author: where in a content file something went wrong (ContentError,
 * ContentErrors), and what in the export cannot ship (ExportError). A leaf module: every step may throw them.
 */

/** Where in a content file something went wrong. Lines and columns are 1-based, in the file as the author sees it. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

export function formatLocation({ file, line, column }: SourceLocation): string {
  if (line === undefined) return file;
  return column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
}

/**
 * A mistake in the author's content: one line naming the file, the place, what is wrong and what to do.
 * Thrown instead of a library's own error so that the author never has to read a stack trace.
 */
export class ContentError extends Error {
  declare readonly location: SourceLocation;
  declare readonly problem: string;
  declare readonly hint: string | undefined;

  constructor(location: SourceLocation, problem: string, hint?: string) {
    super(`${formatLocation(location)}: ${problem}${hint ? ` ${hint}` : ''}`);
    this.name = 'ContentError';
    // Not enumerable, so that tools printing the error (Next's build among them) show the message once.
    Object.defineProperties(this, {
      location: { value: location },
      problem: { value: problem },
      hint: { value: hint },
    });
    // The message already says everything; a stack would only point into the engine.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** Every content mistake found in one pass, so the author fixes them all in one round. */
export class ContentErrors extends Error {
  declare readonly errors: readonly ContentError[];

  constructor(errors: readonly ContentError[]) {
    const count = errors.length === 1 ? '1 problem' : `${errors.length} problems`;
    super(`Content has ${count}:\n${errors.map((error) => `  ${error.message}`).join('\n')}`);
    this.name = 'ContentErrors';
    Object.defineProperty(this, 'errors', { value: errors });
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** A problem with the export itself (a page, a file in out/), named by its path: never a content file's line. */
export class ExportError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'ExportError';
    this.stack = `${this.name}: ${this.message}`;
  }
}
