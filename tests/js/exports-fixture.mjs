// A small hand-made mission page's data and mission file for the hand-over tests: two chapters
// (key and specific questions, sub-items), the annex (an item rated on a four-option scale, two
// levels down), a Working Group paper's question; answers with notes on several lines and
// sources, items without answers, an answer outside the selection.

const labels = {
  fr: {
    responses: { yes: "Oui", no: "Non", partly: "En partie", unknown: "Inconnu", "not-applicable": "Sans objet" },
    response: "Réponse", notes: "Notes", sources: "Sources", institution: "Institution",
    role: "Fonction de la personne rencontrée", document: "Document", id: "ID", chapter: "Chapitre",
    part: "Partie", question: "Question", question_in: "Question ({language})",
    language_names: { fr: "français", en: "anglais" }, assessor: "Évaluateur",
    last_change: "Dernière modification", no_response: "Sans réponse", record: "Relevé de mission",
    title: "Mission", country: "Pays", dates: "Dates", team: "Équipe", language: "Langue de travail",
    date: "Date", selection: "Sélection", edition: "Édition", contents: "Sommaire",
  },
  en: {
    responses: { yes: "Yes", no: "No", partly: "Partly", unknown: "Unknown", "not-applicable": "Not applicable" },
    response: "Response", notes: "Notes", sources: "Sources", institution: "Institution",
    role: "Role of the person met", document: "Document", id: "ID", chapter: "Chapter",
    part: "Part", question: "Question", question_in: "Question ({language})",
    language_names: { fr: "French", en: "English" }, assessor: "Assessor",
    last_change: "Last change", no_response: "No response", record: "Mission record",
    title: "Mission", country: "Country", dates: "Dates", team: "Team", language: "Working language",
    date: "Date", selection: "Selection", edition: "Edition", contents: "Contents",
  },
};

const t = (fr, en) => ({ fr, en });
const item = (id, part, parent, depth, label, text, scale = null) => ({
  id, section: id.split(".")[0], part, parent, depth, label, scale, text,
  link: `https://toolkit.example.org/q/${id.toLowerCase().replaceAll(".", "-")}/`,
});

export const data = {
  lang: "fr",
  langs: ["fr", "en"],
  site: t("Outil d’évaluation des besoins (édition de test)", "Needs assessment toolkit (test edition)"),
  address: "https://toolkit.example.org/",
  responses: ["yes", "no", "partly", "unknown", "not-applicable"],
  labels,
  scales: {
    rating: {
      label: t("Appréciation", "Rating"),
      options: t(["Très bonne", "Bonne", "Faible", "Très faible"], ["Very good", "Good", "Poor", "Very poor"]),
    },
  },
  sections: [
    { id: "IV", anchor: "cl-iv", title: t("IV. Identification des victimes", "IV. Identification of victims"),
      parts: [
        { id: "IV.C", anchor: "cl-iv-c", title: t("C. Questions clefs", "C. Key questions"), key: true },
        { id: "IV.D", anchor: "cl-iv-d", title: t("D. Questions spécifiques", "D. Specific questions"), key: false },
      ] },
    { id: "V", anchor: "cl-v", title: t("V. Protection des victimes", "V. Protection of victims"),
      parts: [
        { id: "V.C", anchor: "cl-v-c", title: t("C. Question clef", "C. Key question"), key: true },
        { id: "V.D", anchor: "cl-v-d", title: t("D. Questions spécifiques", "D. Specific questions"), key: false },
      ] },
    { id: "VI", anchor: "cl-vi", title: t("VI. Enquêtes", "VI. Investigations"),
      parts: [{ id: "VI.C", anchor: "cl-vi-c", title: t("C. Question clef", "C. Key question"), key: true }] },
    { id: "ANNEX", anchor: "cl-annex", title: t("Annexe : Questionnaire", "Annex: Questionnaire"),
      parts: [{ id: "ANNEX.E", anchor: "cl-annex-e", title: t("E. Techniques d’enquête", "E. Investigative techniques") }] },
    { id: "BP2019", anchor: "cl-bp2019", title: t("Document de travail 2019", "Background paper 2019"),
      parts: [{ id: "BP2019.Q", anchor: "cl-bp2019-q", title: t("3. Questions à débattre", "3. Questions for discussion") }] },
  ],
  items: [
    item("IV.C.1", "IV.C", null, 0, null, t("Existe-t-il des procédures d’identification ?", "Are there identification procedures?")),
    item("IV.C.2", "IV.C", null, 0, null, t("Un mécanisme d’orientation est-il en place ?", "Is a referral mechanism in place?")),
    item("IV.D.2", "IV.D", null, 0, null, t("La procédure comporte-t-elle :", "Does the procedure include:")),
    item("IV.D.2.a", "IV.D", "IV.D.2", 1, "a", t("des directives ?", "guidelines?")),
    item("IV.D.2.b", "IV.D", "IV.D.2", 1, "b", t("des indicateurs ?", "indicators?")),
    item("IV.D.3", "IV.D", null, 0, null, t("Les victimes ont-elles un délai de réflexion ?", "Do victims have a reflection period?")),
    item("V.C.1", "V.C", null, 0, null, t("Les victimes sont-elles hébergées ?", "Are victims sheltered?")),
    item("V.D.1", "V.D", null, 0, null, t("Existe-t-il des foyers ?", "Are there shelters?")),
    item("V.D.1.a", "V.D", "V.D.1", 1, "a", t("pour les enfants ?", "for children?")),
    item("VI.C.1", "VI.C", null, 0, null, t("Les enquêteurs sont-ils formés ?", "Are investigators trained?")),
    item("ANNEX.E.1", "ANNEX.E", null, 0, null, t("Quelles techniques ont été utilisées :", "Which techniques were used:")),
    item("ANNEX.E.1.a", "ANNEX.E", "ANNEX.E.1", 1, "a", t("Interrogatoires de témoins vulnérables ;", "Interviews of vulnerable witnesses;")),
    item("ANNEX.E.1.a.i", "ANNEX.E", "ANNEX.E.1.a", 2, "i", t("Connaissance des techniques", "Knowledge of the techniques"), "rating"),
    item("BP2019.Q.3", "BP2019.Q", null, 0, null, t("Comment les États coopèrent-ils ?", "How do States cooperate?")),
  ],
};

const change = (at, by, field) => ({ at, by, field });

export const file = {
  format: "tiptoolkit-mission",
  version: 1,
  saved: "2026-12-07T18:00:00.000+01:00",
  mission: {
    id: "6f1c2a4e-8b3d-4c5e-9f60-1a2b3c4d5e6f",
    title: "Mission Bénin / Togo: 2026?",
    country: "Bénin",
    start: "2026-12-01",
    end: "2026-12-12",
    team: ["Awa Diallo", "Jean Martin"],
    language: "fr",
  },
  answers: {
    "IV.C.1": {
      response: "yes", option: null,
      notes: "Procédures écrites depuis 2021.\nAppliquées surtout à la frontière.\n\nÀ vérifier auprès du ministère.",
      sources: [
        { institution: "Ministère de l’Intérieur", role: "Directeur de la police des frontières", document: "Circulaire 12/2021" },
        { institution: "ONG Aide", role: null, document: "Rapport annuel 2025" },
        { institution: "", role: "Inspectrice du travail", document: "" },
      ],
      changes: [
        change("2026-12-02T09:00:00.000+01:00", "Jean Martin", "response"),
        change("2026-12-03T14:30:00.000+01:00", "Awa Diallo", "notes"),
      ],
    },
    "IV.D.2.a": {
      response: "partly", option: null, notes: "Seulement pour la police.", sources: [],
      changes: [change("2026-12-04T10:00:00.000+01:00", "Awa Diallo", "response")],
    },
    "IV.D.3": {
      response: "unknown", option: null, notes: "", sources: [],
      changes: [change("2026-12-04T11:00:00.000+01:00", "Jean Martin", "response")],
    },
    "V.C.1": {
      response: "no", option: null, notes: "Aucun foyer public.\nDeux foyers associatifs.", sources: [],
      changes: [change("2026-12-05T16:45:00.000+01:00", "Jean Martin", "notes")],
    },
    "V.D.1.a": {
      response: "yes", option: null, notes: "Hors sélection.", sources: [],
      changes: [change("2026-12-05T17:00:00.000+01:00", "Jean Martin", "response")],
    },
    "ANNEX.E.1.a.i": {
      response: null, option: 3, notes: "Formation ancienne.", sources: [{ document: "Plan de formation 2019" }],
      changes: [change("2026-12-06T09:15:00.000+01:00", "Awa Diallo", "option")],
    },
    "BP2019.Q.3": {
      response: "not-applicable", option: null, notes: "Pas d’accord bilatéral.\nÀ discuter en atelier.", sources: [],
      changes: [change("2026-12-06T12:00:00.000+01:00", "Awa Diallo", "response")],
    },
  },
};

/** The selected questions, out of page order; V.D.1 and VI.C.1 are not selected. */
export const ids = ["BP2019.Q.3", "IV.D.2", "ANNEX.E.1", "IV.C.1", "V.C.1", "IV.C.2", "IV.D.3"];

export const link = "https://toolkit.example.org/fr/mission/#s=IV.C.1,IV.C.2,IV.D.2,IV.D.3,V.C.1,ANNEX.E.1,BP2019.Q.3";

/** 7 December 2026, 10:15 local time. */
export const now = new Date(2026, 11, 7, 10, 15);
