import { iconPaths } from '@/lib/icons';

/**
 * A built-in icon (lib/icons.ts) inline, 18 px, in the text's colour; hidden from screen readers, whose link names it.
 * Its class lets the page weight count it as a drawing, like a diagram (lib/export/page-weight.ts).
 */
export function ProfileIcon({ name }: { name: string }) {
  const paths = iconPaths(name);
  if (!paths) return null;
  return (
    <svg className="profile-icon" viewBox="0 0 24 24" width="18" height="18" fill="currentColor" aria-hidden="true" focusable="false">
      {paths.map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
