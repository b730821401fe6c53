import { avatarPath, type HomeProfile } from '@/lib/content/serene-fields';
import { site } from '@/lib/site';
import { ProfileIcon } from './profile-icon';

/**
 * serene's home page head: the avatar, the name (the page's one h1) with the handle, the bio, and the links
 * elsewhere as icons named for screen readers. Links to other sites carry rel="me" where the author asked
 * (Mastodon's verification).
 */
export function HomeProfileHeader({ profile }: { profile: HomeProfile }) {
  const avatar = profile.avatar === undefined ? undefined : avatarPath(profile.avatar);
  return (
    <header className="mb-8 flex flex-wrap items-center gap-x-5 gap-y-3">
      {avatar && 'url' in avatar && <img src={avatar.url} alt="" width={72} height={72} className="h-18 w-18 rounded-full object-cover" />}
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold tracking-tight text-ink-strong">
          {profile.name ?? site.name}
          {profile.id !== undefined && <span className="ml-2 text-base font-normal text-ink-muted">@{profile.id}</span>}
        </h1>
        {profile.bio !== undefined && <p className="mt-1 text-ink-muted">{profile.bio}</p>}
        {profile.links !== undefined && profile.links.length > 0 && (
          <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-2 text-ink" aria-label="Elsewhere">
            {profile.links.map((link) => (
              <li key={`${link.name} ${link.url}`}>
                <a href={link.url} aria-label={link.name} title={link.name} rel={link.rel_me ? 'me' : undefined} className="block hover:text-ink-strong">
                  <ProfileIcon name={link.icon} />
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </header>
  );
}
