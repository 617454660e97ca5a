// The one way an action changes the household: clear what was said before
// at its place, run the command (one IndexedDB transaction), render, then
// say what happened: a problem next to its cause, or a line in the status
// region (and, for deletions, a notice in place with the receipt one click
// away). Every action but the read-only ones goes through `perform`.

import { ids } from './view.js';

/**
 * @param {import('./page.js').PrivacyPage} page
 * @param {object} step
 * @param {string} step.place      where its problem or notice shows (e.g. `retention:<profileId>`)
 * @param {string} [step.noticePlace] where the notice goes, when not at `place`
 * @param {string} step.method     the command (engine-adapter.js COMMANDS)
 * @param {object|Function} step.input  its input, or a function of `now`
 * @param {object} [step.options]  for the store (audio clips to put)
 * @param {object} [step.context]  for the problem's words ({ name, words, field })
 * @param {Function} [step.after]  (answer) => void, before the render (state to update)
 * @param {Function} [step.notice] (answer) => { message, receipt?, asked?, beforeId? }: kept at `place`
 * @param {string|Function} [step.message] (answer) => the status line (the notice's message by default)
 * @param {Function} [step.focus]  (answer) => id(s) to focus after the render, or false when it moved the focus itself
 * @returns {Promise<any>} the answer, or undefined when it failed (the problem is shown)
 */
export async function perform(page, { place, noticePlace = place, method, input, options, context, after, notice, message, focus }) {
  page.clearProblem(place);
  page.notices.delete(noticePlace);
  let answer;
  try {
    answer = await page.runCommand(method, input, options);
  } catch (error) {
    page.setProblem(place, error, context);
    page.render();
    page.focusProblem(place);
    return undefined;
  }
  after?.(answer);
  const kept = notice?.(answer);
  if (kept) page.setNotice(noticePlace, kept);
  page.render();
  const text = typeof message === 'function' ? message(answer) : message ?? kept?.message;
  if (text) page.announce(text);
  const target = focus?.(answer);
  if (target === false) return answer;
  if (target) page.focusById(target);
  else if (kept) page.focusById(`${ids.notice(noticePlace)}-text`);
  return answer;
}

/**
 * A read or a check before any command (a preview, a validation): runs
 * `action`, and on a problem shows it at `place` and answers undefined.
 */
export function check(page, place, action, context) {
  page.clearProblem(place);
  try {
    return action();
  } catch (error) {
    page.setProblem(place, error, context);
    page.render();
    page.focusProblem(place);
    return undefined;
  }
}
