/** A front-matter date as readers of the page's language write it, with the machine-readable date beside it. */
export function PageDate({ date, lang }: { date: string; lang: string }) {
  const day = date.slice(0, 10);
  let shown = day;
  try {
    shown = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  } catch {
    // An unknown language tag: the ISO date reads everywhere.
  }
  return <time dateTime={date}>{shown}</time>;
}
