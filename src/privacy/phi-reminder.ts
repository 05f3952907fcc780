/** A short, polite reminder not to share patient information (PHI). */
export const phiReminder =
  'Friendly reminder: please don’t share patient information here — names, dates of birth, record or member ' +
  'numbers, addresses or contact details. Describe the case in general terms and I’m happy to help.';
