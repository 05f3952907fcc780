// Capitalised words that follow "patient", "pt" or "Mr." without being a
// person's name: job titles ("Patient Access"), payers, EHR vendors, chart
// headings and ordinary sentence words. A candidate name stops at the first
// of these, so "Patient Access Representative" is never read as a name.
const STOPWORDS = new Set(
  `
  a an and or but if then so as at by for from in into of on to with without is was were are be been
  has had have he she they it its his her their this that these those who whom which what when where
  why how i we you my our your not no yes also per via after before during while since until upon
  about all any each every some both one two three new old other here there just only please thanks
  thank hi hello hey can could would should must might shall does did do

  presents presented presenting complains complained reports reported states stated denies denied
  admitted admits admission discharged discharge seen evaluated underwent status post history hx dx
  chief complaint cc hpi ros assessment plan impression diagnosis diagnoses procedure procedures
  follow followup return returns today yesterday tomorrow tonight male female man woman boy girl
  infant child adult age aged unknown unable left right bilateral acute chronic pain fever type stage
  none negative positive normal room bed unit floor ward er ed icu pt patient patients member
  presentation transferred arrived came went received

  care access portal safety services service financial account accounts registration relations
  intake information education experience advocate advocacy navigator navigation coordinator
  coordination representative rep reps centered satisfaction engagement records record chart charts
  encounter encounters name names data privacy rights protection identifier id number notes note visit
  visits flow billing billed coding coder coders scheduling demographics accounting liaison support
  transport transportation population volume mix census classification responsibility statement
  statements balance balances payment payments collections count counts load list lists facing contact
  communication outcomes outcome quality experience reported centred clinic clinics aide aides
  technician tech techs assistant assistants specialist specialists representative handbook
  confidentiality consent forms form safety portal

  medicare medicaid tricare aetna cigna humana anthem kaiser unitedhealthcare united blue cross shield
  bcbs epic cerner meditech allscripts athena athenahealth optum kareo nextgen eclinicalworks trucode
  encoder aapc ahima cms hipaa hitech icd cpt hcpcs

  dr doctor nurse physician provider surgeon therapist

  january february march july september october november december monday tuesday wednesday thursday
  friday saturday sunday
  `
    .split(/\s+/)
    .filter(Boolean),
);

// Words that are also first names (or months/modal verbs): accepted only as
// part of a longer name ("May Chen"), never alone ("Patient May need ...").
const SOFT_STOPWORDS = new Set(['may', 'will', 'june', 'april', 'august', 'grace', 'mark', 'bill']);

/** True when `token` can never be (part of) a patient name. */
export function isNameStopword(token: string): boolean {
  return STOPWORDS.has(token.toLowerCase());
}

/** True when `token` is a name only if other name tokens surround it. */
export function isSoftNameStopword(token: string): boolean {
  return SOFT_STOPWORDS.has(token.toLowerCase());
}
