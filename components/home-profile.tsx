import { avatarPath, type HomeProfile } from '@/lib/content/serene-fields';
import { site } from '@/lib/site';
import { ProfileIcon } from './profile-icon';

/**
 * serene's home page head: the avatar, the name (the page's one h1) with the handle, the bio, and the links
 * elsewhere as icons named for screen readers. Links to other sites carry rel="me" where the author asked
 * (Mastodon's verification). Styled by app/elements.css, which only pages with serene's layouts load.
 */
export function HomeProfileHeader({ profile }: { profile: HomeProfile }) {
  const avatar = profile.avatar === undefined ? undefined : avatarPath(profile.avatar);
  return (
    <header className="profile">
      {avatar && 'url' in avatar && <img src={avatar.url} alt="" width={72} height={72} className="profile-avatar" />}
      <div>
        <h1 className="profile-name">
          {profile.name ?? site.name}
          {profile.id !== undefined && <span className="profile-id">@{profile.id}</span>}
        </h1>
        {profile.bio !== undefined && <p className="profile-bio">{profile.bio}</p>}
        {profile.links !== undefined && profile.links.length > 0 && (
          <ul className="profile-links" aria-label="Elsewhere">
            {profile.links.map((link) => (
              <li key={`${link.name} ${link.url}`}>
                <a href={link.url} aria-label={link.name} title={link.name} rel={link.rel_me ? 'me' : undefined}>
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
