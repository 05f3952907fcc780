// Shapes of the tokens a coding question is made of and that must never be
// redacted or masked: medical code formats, money, durations and small counts.
// Shared by the detectors (to refuse a candidate) and the minimizer (to keep a
// token it would otherwise mask).

/** CPT (99213, 0001U, 1234F), HCPCS Level II (J1100, G0439), DRG/revenue codes (470, 0450). */
const CPT_HCPCS = /^(?:\d{5}|\d{4}[FTUM]|[A-V]\d{4}|\d{3,4})$/i;
/** ICD-10-CM: letter, digit, alphanumeric, then optionally a dot and up to four more (S72.001A, E11.9, Z79.4). */
// After the category the characters are digits or the placeholder X; only the seventh may be any letter (S72.001A, T75.4XXA).
const ICD10_CM = /^[A-Z]\d[0-9A-Z](?:\.?(?:[0-9X]{1,3}|[0-9X]{3}[0-9A-Z]))?$/i;
/** ICD-10-PCS: exactly seven characters of digits and letters other than I and O (0DTJ4ZZ, 02HV33Z). */
const ICD10_PCS = /^(?=.*[A-HJ-NP-Z])[0-9A-HJ-NP-Z]{7}$/;
/** ICD-9 (V22.0, 250.00, E849.7) and modifiers (25, 59, LT, XS). */
const ICD9 = /^(?:\d{3}(?:\.\d{1,2})?|V\d{2}(?:\.\d{1,2})?|E\d{3}(?:\.\d)?)$/i;
/** Remittance advice remark codes (RARC: M51, N290, MA130), which explain a denial beside its CARC. */
const RARC = /^(?:MA|M|N)\d{1,3}$/i;
/** NDC drug codes in their dashed 4-4-2, 5-3-2 and 5-4-1 (or 5-4-2) layouts. */
const NDC = /^(?:\d{4}-\d{4}-\d{2}|\d{5}-\d{3}-\d{2}|\d{5}-\d{4}-\d{1,2})$/;

/** An NDC as a claim carries it: the N4 qualifier and its ten or eleven digits ("N40002821501"). */
const QUALIFIED_NDC = /^N4\d{10,11}$/;
/** The loops of an X12 837 claim or 835 remittance ("2010BA", "2300", "2400"): where a field goes, not whose. */
const X12_LOOP = /^(?:1000|2000|2010|2300|2310|2320|2330|2400|2410|2420|2430)[A-H]{0,2}$/;
/** An HL7 v2 field named by segment and position ("PID-19", "PV1-3", "OBX-5.1"). */
const HL7_FIELD = /^(?:MSH|EVN|PID|PD1|NK1|PV1|PV2|GT1|IN1|IN2|MRG|ORC|OBR|OBX|DG1|PR1|FT1|AL1|NTE)-\d{1,2}(?:\.\d{1,2})?$/;

/** True when `token` has the shape of a medical code (CPT, HCPCS, ICD-10-CM/PCS, ICD-9, DRG, RARC, NDC), an X12 loop or an HL7 field. */
export function isMedicalCodeShape(token: string): boolean {
  // A plural is still the code: "two 99214s".
  if (/\ds$/.test(token)) return isMedicalCodeShape(token.slice(0, -1));
  return CPT_HCPCS.test(token) || ICD10_CM.test(token) || ICD10_PCS.test(token) || ICD9.test(token) || RARC.test(token) || NDC.test(token) || QUALIFIED_NDC.test(token) || X12_LOOP.test(token) || HL7_FIELD.test(token);
}

/** A code range or pair such as 99202-99215, E08-E13 or 99205/99215: both ends are codes of one shape. */
export function isCodeRange(token: string): boolean {
  const [from, to, ...rest] = token.split(/[-–/]/);
  if (!from || !to || rest.length > 0 || from.length !== to.length || /\d/.test(from[0]!) !== /\d/.test(to[0]!)) return false;
  // Four-digit codes are revenue codes, whose ranges stay within one leading digit (0450-0459);
  // "0091-1127" is a record number written in two groups.
  if (/^\d{4}$/.test(from) && /^\d{4}$/.test(to) && from[0] !== to[0]) return false;
  return isMedicalCodeShape(from) && isMedicalCodeShape(to);
}

/** A year (1900–2099), a fiscal or calendar year (FY2026) or a year range (2019-2023, 2019/20). */
export function isYearLike(token: string): boolean {
  return /^(?:(?:FY|CY|PY|MY|AY)[-\s]?)?(?:19|20)\d{2}(?:[-–/](?:(?:19|20)?\d{2}))?$/i.test(token);
}

/** A salary written short, alone or as a range: 52k, 45k-65k, 45.5K–60K. */
const SHORT_AMOUNT_RANGE = /^\d{1,3}(?:\.\d)?[kK](?:[-–]\d{1,3}(?:\.\d)?[kK])?$/;

/** True for a salary written short: 52k, 45k-65k. */
export function isShortAmount(token: string): boolean {
  return SHORT_AMOUNT_RANGE.test(token);
}

/** Money, percentages and grouped thousands: $52,000, 52k, 45.5%, 1,200, 3.5. */
export function isAmountLike(token: string, before: string, after: string): boolean {
  if (/[$€£]\s*$/.test(before) || /^\s*(?:%|k\b|K\b|USD|dollars|per\b|\/\s*(?:hr|hour|yr|year))/i.test(after)) return true;
  return /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(token) || /^\d+\.\d{1,2}$/.test(token) || SHORT_AMOUNT_RANGE.test(token);
}

/** An ICD-10-CM code with its dot (N39.0) or a five-digit CPT code: the message is about a case. */
export const MEDICAL_CODE = /(?<![\w.])(?:[A-Z]\d[0-9A-Z]\.[0-9A-Z]{1,4}|\d{5})(?![\w.]|\.\d)/;
