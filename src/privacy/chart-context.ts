// Whether a message reads like a chart rather than a career question. Several
// detectors only act in a chart-like message (a bare date, "City, ST", a lone
// first name), because the same text in a career question is not patient data.
// Words common in career talk too ("hospital", "chart", "patient") are
// deliberately not chart words.

const CLINICAL_WORDS =
  /\b(?:admit(?:ted|s)?|admission|discharg\w*|present(?:s|ed|ing)\s+(?:to|with)|c\/o|complain\w*|diagnos\w*|history\s+of|chief\s+complaint|s\/p|y\/?o|year[- ]old|underwent|surgery|fracture|seen\s+(?:in|by|for|on)|follow[- ]up|prescribed|vitals?|op\s+note|post[- ]?op|DOB|DOS|MRN|d\.o\.b)\b/i;
// Abbreviations are case-sensitive: "PT" is physical therapy, "er" is not the ER.
const CLINICAL_ABBREVIATIONS = /\b(?:MRN|DOB|ED|ER|ICU|pt|Pt|dx|Dx|hx|Hx)\b/;

/** True when `text` has clinical wording (admitted, DOB, c/o, y/o, pt, ...). */
export function isChartLike(text: string): boolean {
  return CLINICAL_WORDS.test(text) || CLINICAL_ABBREVIATIONS.test(text);
}
