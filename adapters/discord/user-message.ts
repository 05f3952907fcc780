import { CareerAdvisorError } from '../../src/errors.js';

const GENERIC = 'Sorry, something went wrong while answering. Please try again in a moment.';

/**
 * What to tell the user about a failure: the message of errors they can act on (bad input, busy),
 * a generic apology for everything else (details go to the log, not to the channel).
 */
export function userMessageFor(error: unknown): string {
  return isUserError(error) ? (error as Error).message : GENERIC;
}

/** Errors the user caused or can wait out; logged quietly, not as failures of the bot. */
export function isUserError(error: unknown): boolean {
  return error instanceof CareerAdvisorError && (error.code === 'INPUT_INVALID' || error.code === 'BUSY' || error.code === 'NOT_FOUND');
}
