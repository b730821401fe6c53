import { formatLocation, type ContentError } from '@/lib/content';

/** Plain data, not Error objects: React's dev server serializes component props, and errors don't serialize. */
export interface ContentProblem {
  location: string;
  problem: string;
  hint: string | undefined;
}

export function toContentProblems(errors: readonly ContentError[]): ContentProblem[] {
  return errors.map((error) => ({ location: formatLocation(error.location), problem: error.problem, hint: error.hint }));
}

/** Messages mark keys and commands with backticks, as in a terminal; here they become code. */
function withCode(text: string) {
  return text.split('`').map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part));
}

/**
 * Dev server only: the content problems a build would stop on, shown where the page would be. The page
 * comes back by itself once they are fixed (components/live-reload.tsx).
 */
export function ContentProblems({ problems }: { problems: readonly ContentProblem[] }) {
  return (
    <section role="alert" aria-labelledby="content-problems" className="max-w-prose">
      <h1 id="content-problems" className="text-2xl font-semibold tracking-tight text-red-800 dark:text-red-300">
        {problems.length === 1 ? 'A content file needs fixing' : `${problems.length} content problems need fixing`}
      </h1>
      <p className="mt-2 text-gray-600 dark:text-gray-400">
        <code>npm run build</code> would stop here. Save the fix and this page comes back.
      </p>
      <ul className="mt-6 space-y-4">
        {problems.map((problem, index) => (
          <li key={index} className="rounded border border-red-200 bg-red-50 p-4 dark:border-red-900 dark:bg-red-950">
            <p className="font-mono text-sm font-semibold text-red-900 dark:text-red-200">{problem.location}</p>
            <p className="mt-1">{withCode(problem.problem)}</p>
            {problem.hint && <p className="mt-1 text-gray-700 dark:text-gray-300">{withCode(problem.hint)}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
