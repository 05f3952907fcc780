import { scan } from './regex-scan.js';
import type { PhiFinding } from './phi-types.js';
import { isCompound, type Vocabulary } from './vocabulary.js';

// URLs and IP addresses. A bare site address ("aapc.com", "https://www.ahima.org/certification")
// names an organisation, not a person, and career answers cite such sites all the time;
// a URL is flagged when something in it can point at one person: a query string, a path
// segment holding digits, or a record-like word (patient, chart, member, user, profile).

const TAIL = "[^\\s<>\"'`)\\]]*[^\\s<>\"'`)\\].,;:!?]";
const URL = new RegExp(`\\b(?:[a-z][a-z0-9+.-]{1,15}://|www\\.)${TAIL}|(?<![\\w.-])[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|org|net|gov|edu|io|us|health|care|info|me)/${TAIL}`, 'gi');
// A path segment that holds three digits, or is a long opaque token of letters and digits ("/d/1aB2cD3eF4gH5iJ6kL7mN8oP").
const PERSONAL_PART = /[?#=]|\/[^/]*\d{3,}|\/(?=[^/]*\d)(?=[^/]*[a-z])[A-Za-z0-9_-]{16,}(?:\/|$)|\b(?:patients?|pt|chart|mrn|members?|users?|profiles?|accounts?|records?|portal|mychart|~)\b/i;

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?![\\w]|\\.\\d)`, 'g');
const IPV6 = /(?<![\w:])(?:[0-9a-f]{1,4}:){3,7}(?::|[0-9a-f]{1,4})(?![\w:])/gi;
// Compressed IPv6 ("2001:db8:4f2a::7c"): "::" stands for the zero groups left out.
const IPV6_COMPRESSED = /(?<![\w:])(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?::(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?(?![\w:])/gi;

/** Finds URLs that can identify a person (see the module comment). */
export function detectUrls(text: string, vocabulary: Vocabulary): PhiFinding[] {
  return scan(text, URL, 'url', (v) => {
    const path = withoutScheme(v);
    return PERSONAL_PART.test(path) || hasOpaqueToken(path) || hasNameInPath(path, vocabulary);
  });
}

/**
 * URLs whose path holds a word of a name found elsewhere in the message, in any case and glued to
 * anything ("facebook.com/declan.moriarty.7", "share/kmensah-89a1" beside "Kwabena Mensah").
 */
export function detectUrlsHoldingNames(text: string, nameWords: readonly string[]): PhiFinding[] {
  const words = nameWords.filter((w) => w.length >= MIN_NAME_IN_PATH).map((w) => w.toLowerCase());
  if (words.length === 0) return [];
  return scan(text, URL, 'url', (v) => {
    const path = withoutScheme(v).toLowerCase();
    const slash = path.indexOf('/');
    return slash >= 0 && words.some((w) => path.slice(slash).includes(w));
  });
}

/** Shortest name word looked for inside a URL's path: shorter ones turn up inside ordinary words. */
const MIN_NAME_IN_PATH = 4;

function withoutScheme(url: string): string {
  return url.replace(/^[\w+.-]+:\/\//, '');
}

// A share link's token: letters and digits interleaved ("x7Hq2", "4f2a9c1e"), unlike a version or a
// code set written letters then digits ("icd10", "v2").
const OPAQUE_TOKEN = /(?<![A-Za-z0-9])(?=[A-Za-z0-9]{5,}(?![A-Za-z0-9]))(?:[A-Za-z]*\d+[A-Za-z]+\d|\d*[A-Za-z]+\d+[A-Za-z])[A-Za-z0-9]*/;

// A share code in three or more dashed groups of one length, as generated codes are ("Z7KQ-44PX-TT21"),
// two or more of them with a digit; a page name's words differ in length ("hl7-fhir-r4b").
const GROUPED_CODE = /^[A-Za-z0-9]{4,6}(?:-[A-Za-z0-9]{4,6}){2,}$/;

function hasOpaqueToken(path: string): boolean {
  return path.split('/').slice(1).some((segment) => OPAQUE_TOKEN.test(segment) || isGroupedCode(segment));
}

function isGroupedCode(segment: string): boolean {
  const groups = segment.split('-');
  return GROUPED_CODE.test(segment) && groups.every((g) => g.length === groups[0]!.length) && groups.filter((g) => /\d/.test(g)).length >= 2;
}

/** Shortest single path word read as a run-together name: shorter ones are site sections ("/f", "/visit"). */
const MIN_RUN_TOGETHER = 10;

/**
 * A path segment of several words ("help-tyrell-jackson-recover") with one the vocabulary check does
 * not know, or one long run-together word it does not know ("deannasjourney"; "careerguide" is two
 * English words).
 */
function hasNameInPath(path: string, vocabulary: Vocabulary): boolean {
  return path.split('/').slice(1).some((file) => {
    // A file's extension is no word of its name ("ashworth_summer_card.jpg").
    const segment = file.replace(/\.[a-z0-9]{2,5}$/i, '');
    const words = segment.split(/[-_.]/).filter((w) => /^\p{L}{2,}$/u.test(w));
    if (words.length === 1 && segment === words[0] && segment.length >= MIN_RUN_TOGETHER) return !vocabulary.isFamiliar(segment.toLowerCase()) && !isCompound(segment);
    return words.length >= 2 && words.some((w) => !vocabulary.isFamiliar(w));
  });
}

/** Finds IPv4 and IPv6 addresses. */
export function detectIps(text: string): PhiFinding[] {
  return [...scan(text, IPV4, 'ip'), ...scan(text, IPV6, 'ip', (v) => /\d/.test(v) && v.includes(':')), ...scan(text, IPV6_COMPRESSED, 'ip', isCompressedIpv6)];
}

/** Two or more groups around "::", at most seven, one of them three characters or more ("::1" alone is a loopback, no person). */
function isCompressedIpv6(value: string): boolean {
  const groups = value.split(':').filter(Boolean);
  return groups.length >= 2 && groups.length <= 7 && groups.some((g) => g.length >= 3) && /\d/.test(value);
}
