// A small mission page `data` (the shape of tiptoolkit/mission_data.py's) and helpers for the
// mission workspace's unit tests.

import { newMission, setAnswer } from "../../web/mission/answers.js";

const LABELS = {
  fr: { responses: { yes: "Oui", no: "Non", partly: "En partie", unknown: "Inconnu", "not-applicable": "Sans objet" } },
  en: { responses: { yes: "Yes", no: "No", partly: "Partly", unknown: "Unknown", "not-applicable": "Not applicable" } },
};

function item(id, part, parent, depth, label, scale = null) {
  const section = id.split(".")[0];
  return {
    id, section, part, parent, depth, label, scale,
    text: { fr: `Question ${id}`, en: `Question ${id} (en)` }, link: `https://example.org/q/${id}`,
  };
}

/** The page's data: two chapter questions with sub-items, an annex item on a 4-option scale. */
export const data = Object.freeze({
  lang: "fr",
  langs: ["fr", "en"],
  site: { fr: "Boîte à outils", en: "Toolkit" },
  address: "https://example.org/",
  responses: ["yes", "no", "partly", "unknown", "not-applicable"],
  labels: LABELS,
  scales: {
    rating: {
      label: { fr: "Notation", en: "Rating" },
      options: { fr: ["Aucun", "Faible", "Moyen", "Fort"], en: ["None", "Low", "Medium", "High"] },
    },
  },
  sections: [
    { id: "IV", anchor: "cl-iv", title: { fr: "IV", en: "IV" }, parts: [
      { id: "IV.C", anchor: "cl-iv-c", title: { fr: "Questions clefs", en: "Key questions" }, key: true },
      { id: "IV.D", anchor: "cl-iv-d", title: { fr: "Questions", en: "Questions" }, key: false }] },
    { id: "ANNEX", anchor: "cl-annex", title: { fr: "Annexe", en: "Annex" }, parts: [
      { id: "ANNEX.E", anchor: "cl-annex-e", title: { fr: "E", en: "E" }, key: false }] },
  ],
  items: [
    item("IV.C.1", "IV.C", null, 0, null),
    item("IV.C.1.a", "IV.C", "IV.C.1", 1, "a"),
    item("IV.C.1.a.i", "IV.C", "IV.C.1.a", 2, "i"),
    item("IV.D.3", "IV.D", null, 0, null),
    item("IV.D.3.o", "IV.D", "IV.D.3", 1, "o"),
    item("ANNEX.E.1.d.ii", "ANNEX.E", null, 0, null, "rating"),
  ],
});

export const ANNEX = "ANNEX.E.1.d.ii"; // the item on a scale
export const META = {
  title: "Mission d’évaluation", country: "Pays", start: "2026-11-30", end: "2026-12-11",
  team: ["Anna"], language: "fr",
};

/** The moment `minutes` after 2026-12-07 10:00 UTC. */
export function at(minutes) {
  return new Date(Date.UTC(2026, 11, 7, 10, minutes));
}

/** A new mission with answers set by `steps`: [id, field, value, by, minutes] each. */
export function missionWith(steps, meta = META) {
  const file = newMission(meta, at(0));
  for (const [id, field, value, by, minutes] of steps) setAnswer(file, data, id, field, value, by, at(minutes));
  return file;
}
