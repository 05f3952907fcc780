import { scan } from './regex-scan.js';
import type { PhiFinding } from './phi-types.js';

// URLs and IP addresses. A bare site address ("aapc.com", "https://www.ahima.org/certification")
// names an organisation, not a person, and career answers cite such sites all the time;
// a URL is flagged when something in it can point at one person: a query string, a path
// segment holding digits, or a record-like word (patient, chart, member, user, profile).

const TAIL = "[^\\s<>\"'`)\\]]*[^\\s<>\"'`)\\].,;:!?]";
const URL = new RegExp(`\\b(?:https?://|www\\.)${TAIL}|(?<![\\w.-])[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|org|net|gov|edu|io|us|health|care|info|me)/${TAIL}`, 'gi');
const PERSONAL_PART = /[?#=]|\/[^/]*\d{3,}|\b(?:patients?|pt|chart|mrn|members?|users?|profiles?|accounts?|records?|portal|mychart|~)\b/i;

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?![\\w]|\\.\\d)`, 'g');
const IPV6 = /(?<![\w:])(?:[0-9a-f]{1,4}:){3,7}(?::|[0-9a-f]{1,4})(?![\w:])/gi;

/** Finds URLs that can identify a person (see the module comment). */
export function detectUrls(text: string): PhiFinding[] {
  return scan(text, URL, 'url', (v) => PERSONAL_PART.test(v.replace(/^\w+:\/\//, '')));
}

/** Finds IPv4 and IPv6 addresses. */
export function detectIps(text: string): PhiFinding[] {
  return [...scan(text, IPV4, 'ip'), ...scan(text, IPV6, 'ip', (v) => /\d/.test(v) && v.includes(':'))];
}
