export { registerActions } from './actions.js';
export { registerEventDedupe } from './dedupe-events.js';
export { isFromPerson, registerDirectMessages, registerMentions } from './messages.js';
export { registerSlashCommand, SLASH_COMMAND } from './slash-command.js';
