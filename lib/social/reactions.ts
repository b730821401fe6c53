/**
 * Reactions: a row of buttons under pages with `reaction: true`, counted by the endpoint named in
 * site.config.ts (`reactions: { endpoint }`). public/enhance/reactions.js speaks this protocol:
 *
 *   GET  {endpoint}?page=/about/                                   → 200 {"counts": {"like": 3, "love": 1}}
 *   POST {endpoint}  Content-Type: application/json
 *        {"page": "/about/", "reaction": "like"}                   → 200 {"counts": {"like": 4, "love": 1}}
 *
 * `page` is the page's path on the site (without any base path), `reaction` one of the ids below. Counts are
 * non-negative integers; a missing id counts 0, unknown ids are ignored. The endpoint is another origin, so it
 * answers CORS: Access-Control-Allow-Origin for the site, and for the POST's preflight, Content-Type allowed.
 * Without JavaScript, or while the endpoint does not answer, the page shows no reactions at all.
 */
export const reactionKinds = [
  { id: 'like', emoji: '👍', label: 'Like' },
  { id: 'love', emoji: '❤️', label: 'Love' },
  { id: 'insightful', emoji: '💡', label: 'Insightful' },
  { id: 'celebrate', emoji: '🎉', label: 'Celebrate' },
] as const;

export type ReactionKind = (typeof reactionKinds)[number];
