/**
 * Internet-chat shorthand and the words it stands for. General English chat usage (as in any
 * chat-abbreviation glossary), not any guide's vocabulary: it lets "wat r the reqs" read as
 * "what are the requirements" before stop words and stemming apply. Interjections and stance markers
 * ("lol", "tbh", "imo") say nothing about the subject, so they read as nothing: spelled out, "to be
 * honest" would ask the guide about honesty.
 */
const SHORTHAND: Record<string, string> = {
  u: 'you', ur: 'your', r: 'are', y: 'why', wat: 'what', wut: 'what', wht: 'what', whats: 'what is', hw: 'how', cn: 'can', cud: 'could', shud: 'should', wud: 'would',
  pls: 'please', plz: 'please', thx: 'thanks', ty: 'thanks', ppl: 'people', bc: 'because', cuz: 'because', coz: 'because', abt: 'about', tho: 'though', thru: 'through',
  w: 'with', 'w/': 'with', 'w/o': 'without', b4: 'before', idk: "I don't know", im: "I'm", ive: "I've", dont: "don't", doesnt: "doesn't", cant: "can't", wont: "won't", isnt: "isn't",
  gonna: 'going to', wanna: 'want to', gotta: 'have to', kinda: 'kind of', sorta: 'sort of', lemme: 'let me', gimme: 'give me', ya: 'you', yr: 'year', yrs: 'years', mo: 'month', mos: 'months',
  hr: 'hour', hrs: 'hours', min: 'minimum', mins: 'minutes', exp: 'experience', info: 'information', req: 'requirement', reqs: 'requirements', qual: 'qualification', quals: 'qualifications',
  cert: 'certification', certs: 'certifications', wfh: 'work from home', mgr: 'manager', govt: 'government', approx: 'approximately', avg: 'average', diff: 'difference', yo: 'hey', sup: "what's up",
  lol: '', lmao: '', haha: '', nah: '', yeah: '', yep: '', ok: '', okay: '', stuff: '', btw: '', fyi: '', omg: '', smh: '', ngl: '', wtf: '', tbh: '', imo: '',
  frm: 'from', hv: 'have', ez: 'easy', rn: 'right now', irl: 'in real life', asap: 'as soon as possible', prob: 'probably', def: 'definitely', bday: 'birthday',
};

/** The shorthand spellings themselves (lower case), for checks that must know them as words ("pls", "idk"). */
export const CHAT_SHORTHAND_WORDS: ReadonlySet<string> = new Set(Object.keys(SHORTHAND));

const PATTERN = new RegExp(`(?<![\\p{L}\\p{N}$])(${Object.keys(SHORTHAND).map((k) => k.replace(/[/]/g, '\\/')).join('|')})(?![\\p{L}\\p{N}/])`, 'giu');

/** The text with chat shorthand spelled out; everything else unchanged. */
export function expandShorthand(text: string): string {
  return text.replace(PATTERN, (match) => SHORTHAND[match.toLowerCase()] ?? match);
}
