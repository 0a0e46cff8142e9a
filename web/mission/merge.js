// Merging a colleague's mission file into mine, item by item: an answer only one side has is
// taken; the same answer on both sides is kept once with both histories; where one side's history
// contains all of the other's, the other is an older copy and the newer one is taken; anything
// else is a conflict, which only the user resolves (resolveConflict). Inputs are never changed.

import { FIELDS, isoNow, lastChange } from "./answers.js";

const CHOICES = ["mine", "theirs", "both"];

/** {file, conflicts}: `mine` with `theirs` merged into it (mine's mission, the team lists united)
 * and [{id, mine, theirs}] for the items answered differently on both sides, which keep mine's
 * answer in `file` until resolved. */
export function mergeMissions(mine, theirs) {
  const file = structuredClone(mine);
  file.mission.team = unite(mine.mission.team, theirs.mission.team, (name) => name);
  const conflicts = [];
  for (const [id, their] of Object.entries(theirs.answers ?? {})) {
    const my = mine.answers?.[id];
    const merged = my ? mergeAnswer(my, their) : structuredClone(their);
    if (merged) {
      (file.answers ??= {})[id] = merged;
    } else {
      conflicts.push({ id, mine: structuredClone(my), theirs: structuredClone(their) });
    }
  }
  return { file, conflicts };
}

/** The answer both `my` and `their` merge to, or null if they conflict. */
function mergeAnswer(my, their) {
  if (sameContent(my, their)) return { ...structuredClone(my), changes: allChanges(my, their) };
  if (contains(my.changes, their.changes)) return structuredClone(my);
  if (contains(their.changes, my.changes)) return structuredClone(their);
  return null;
}

/** The answer a conflict resolves to by `choice`: "mine", "theirs", or "both" (mine's response or
 * option, both notes, the colleague's after a line naming them, and all sources). It holds the
 * changes of both sides, and one by `by` at `now` for each field that differs from mine's. */
export function resolveConflict(conflict, choice, by, now = new Date()) {
  if (!CHOICES.includes(choice)) throw new TypeError(`a conflict is resolved by ${CHOICES.join(", ")}, not ${choice}`);
  const { mine, theirs } = conflict;
  const kept = choice === "theirs" ? content(theirs) : content(mine);
  if (choice === "both") {
    kept.notes = bothNotes(mine, theirs);
    kept.sources = unite(content(mine).sources, content(theirs).sources, JSON.stringify);
  }
  const changes = allChanges(mine, theirs);
  const at = isoNow(now);
  const before = content(mine);
  for (const field of FIELDS) {
    if (JSON.stringify(kept[field]) !== JSON.stringify(before[field])) changes.push({ at, by, field });
  }
  return { ...kept, changes };
}

/** Mine's notes, then the colleague's after a line naming them (once if they are the same). */
function bothNotes(mine, theirs) {
  const [my, their] = [content(mine).notes, content(theirs).notes];
  if (their.trim() === "" || their === my) return my;
  const colleague = `— ${colleagueOf(mine, theirs)} —\n${their}`;
  return my.trim() === "" ? colleague : `${my}\n\n${colleague}`;
}

/** Who last changed the colleague's answer where it differs from mine (its latest change that
 * mine does not have). */
function colleagueOf(mine, theirs) {
  const known = new Set(mine.changes.map(changeKey));
  const own = theirs.changes.filter((change) => !known.has(changeKey(change)));
  return (own.at(-1) ?? lastChange(theirs)).by;
}

/** What an answer says (its fields but its changes), with the file's defaults filled in. */
function content(answer) {
  return {
    response: answer.response ?? null,
    option: answer.option ?? null,
    notes: answer.notes ?? "",
    sources: (answer.sources ?? []).map((source) => ({
      institution: source.institution ?? null, role: source.role ?? null, document: source.document ?? null,
    })),
  };
}

function sameContent(one, other) {
  return JSON.stringify(content(one)) === JSON.stringify(content(other));
}

function changeKey(change) {
  return JSON.stringify([change.at, change.by, change.field]);
}

/** Whether `changes` include every change of `others`. */
function contains(changes, others) {
  const keys = new Set(changes.map(changeKey));
  return others.every((change) => keys.has(changeKey(change)));
}

/** The changes of both answers, each once, oldest first. */
function allChanges(one, other) {
  return unite(one.changes, other.changes, changeKey)
    .map((change) => ({ ...change }))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** `first` then the items of `second` not in it, each once (as `key` tells them apart). */
function unite(first, second, key) {
  const seen = new Set();
  return [...first, ...second].filter((item) => !seen.has(key(item)) && seen.add(key(item)));
}
