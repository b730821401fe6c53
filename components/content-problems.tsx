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
  // Inline styles, not Tailwind classes: this panel exists only on the dev server, and classes named here
  // would be generated into the stylesheet every visitor downloads.
  return (
    <section role="alert" aria-labelledby="content-problems" style={{ maxWidth: '68ch' }}>
      <h1 id="content-problems" style={{ fontSize: '1.5rem', fontWeight: 600, color: '#dc2626' }}>
        {problems.length === 1 ? 'A content file needs fixing' : `${problems.length} content problems need fixing`}
      </h1>
      <p style={{ marginTop: '0.5rem', opacity: 0.8 }}>
        <code>npm run build</code> would stop here. Save the fix and this page comes back.
      </p>
      <ul style={{ marginTop: '1.5rem', display: 'grid', gap: '1rem' }}>
        {problems.map((problem, index) => (
          <li key={index} style={{ border: '1px solid rgb(220 38 38 / 0.5)', background: 'rgb(220 38 38 / 0.08)', borderRadius: '0.25rem', padding: '1rem' }}>
            <p style={{ fontFamily: 'var(--font-mono)', fontSize: '0.875rem', fontWeight: 600 }}>{problem.location}</p>
            <p style={{ marginTop: '0.25rem' }}>{withCode(problem.problem)}</p>
            {problem.hint && <p style={{ marginTop: '0.25rem', opacity: 0.8 }}>{withCode(problem.hint)}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
