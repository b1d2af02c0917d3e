// Flintshire (ILLUSTRATIVE): a Welsh authority, so its exempt item cites Schedule 12A as it
// applies in Wales (Part 4, paragraph 14). Everything but the council's and committee's names is
// invented, see README.md.
export { flintshireMeeting } from './meeting.js';
export { corporateResourcesScrutiny, flintshire, flintshireMembers } from './people.js';
