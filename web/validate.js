// What the page checks before it asks the engine, so that a parent hears of a
// mistake next to the field, in plain words: names (trimmed, not empty, not
// too long, no invisible direction or control characters, a duplicate
// warned), birth dates (real, not in the future, fitting the profile's kind:
// a child under the household's age of digital consent, a teen from it to
// 17, an adult 18 or over; R-AGE-1, R-AGE-3).

import { cleanText, hasDirectionControls } from './dom.js';
import { PageProblem } from './errors.js';
import { ageOn, formatDate } from './format.js';
import { ADULT_AGE } from './jurisdiction.js';

/** The engine's limit for a name, in UTF-8 bytes (kMaxNameBytes). */
const MAX_NAME_BYTES = 200;
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/u;

/**
 * A name as it will be sent: trimmed. Throws a PageProblem (for `field`) when
 * it cannot be used. Returns `{ name, duplicateOf }`: `duplicateOf` is the
 * other profile already called that (a warning, not a refusal).
 */
export function checkName(raw, { field, profiles = [], exceptId = null } = {}) {
  const name = String(raw ?? '').trim();
  if (name === '') throw new PageProblem('Type a name: it cannot be empty or only spaces.', { field });
  if (hasDirectionControls(name)) {
    throw new PageProblem('This name holds invisible characters that change the direction of text, which could make it display as a different name. Type it without them.', { field });
  }
  if (CONTROL_CHARACTERS.test(name)) throw new PageProblem('This name holds invisible control characters. Type it without them.', { field });
  if (new TextEncoder().encode(name).length > MAX_NAME_BYTES) {
    throw new PageProblem(`This name is too long: at most ${MAX_NAME_BYTES} letters (fewer for some alphabets).`, { field });
  }
  const folded = name.toLocaleLowerCase();
  const duplicateOf = profiles.find((p) => p.id !== exceptId && cleanText(p.name).trim().toLocaleLowerCase() === folded) ?? null;
  return { name, duplicateOf };
}

/**
 * A birth date (YYYY-MM-DD, as the date input gives it; '' is allowed when
 * optional). Throws a PageProblem when it is not a real day, is in the
 * future, or does not fit a profile of `kind` where the age of digital
 * consent is `consentAge` (the household's jurisdiction's).
 */
export function checkBirthDate(value, { field, now, kind = 'child', consentAge, optional = true } = {}) {
  if (!value) {
    if (optional) return null;
    throw new PageProblem('Give the birth date.', { field });
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [y, m, d] = match ? match.slice(1).map(Number) : [];
  const day = match ? new Date(Date.UTC(y, m - 1, d)) : null;
  if (!day || day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d || y < 1900) {
    throw new PageProblem('This is not a date we can use: give the day, month and year of birth.', { field });
  }
  const age = ageOn(value, now);
  if (age === null || day.getTime() > now) throw new PageProblem(`A birth date cannot be in the future (today is ${formatDate(now)}).`, { field });
  const years = `With this birth date the ${kind === 'teen' ? 'teen' : 'child'} is ${age} ${age === 1 ? 'year' : 'years'} old.`;
  if (kind === 'child' && age >= consentAge) {
    throw new PageProblem(
      `${years} A child profile is for children under ${consentAge}, who need a parent’s consent; ${age < ADULT_AGE ? `someone ${consentAge} to 17 has a teen profile` : `someone ${ADULT_AGE} or older has their own profile`}.`,
      { field },
    );
  }
  if (kind === 'teen' && (age < consentAge || age >= ADULT_AGE)) {
    throw new PageProblem(
      `${years} A teen profile is for ages ${consentAge} to 17; ${age < consentAge ? `someone under ${consentAge} has a child profile, which needs your verified consent` : `someone ${ADULT_AGE} or older has their own profile`}.`,
      { field },
    );
  }
  return value;
}
