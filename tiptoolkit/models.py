"""Pydantic models of every content file; `python -m tiptoolkit schema` exports them as JSON Schema.

Numbers, letters and roman numerals (`n`) are stated once, as printed in the source;
IDs and anchors are derived from them (see :mod:`tiptoolkit.catalog`).
"""

from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Letter = Annotated[str, StringConstraints(pattern=r"^[a-z]$")]
Roman = Annotated[str, StringConstraints(pattern=r"^[ivxl]+$")]
SectionLetter = Annotated[str, StringConstraints(pattern=r"^[A-Z]$")]
ScaleKey = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]*$")]
Number = Annotated[int, Field(strict=True, gt=0)]  # digits only: YAML's `yes` (true) or `"3"` is no number
Footnotes = dict[Number, Text]
# A box entry (`box.8.1.4`: box 8, its 1st section, 4th entry) or a footnote (`II#fn.5`: footnote 5 of chapter II)
NotePlace = Annotated[str, StringConstraints(pattern=r"^(box\.\d+\.\d+\.\d+|[IVXL]+#fn\.\d+)$")]


class Strict(BaseModel):
    """Unknown fields are errors: a misspelt key never disappears silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- questions of chapters II–XI -------------------------------------------------------


class SubSubItem(Strict):
    """A roman sub-sub-item: i), ii), …"""

    n: Roman = Field(description="Roman numeral as printed: i, ii, iii, …")
    text: Text


class SubItem(Strict):
    """A lettered sub-item: a), b), …"""

    n: Letter = Field(description="Letter as printed: a, b, c, …")
    text: Text
    items: list[SubSubItem] = Field(default_factory=list, description="Roman sub-sub-items")


class Question(Strict):
    """A numbered key or specific question."""

    n: Number | None = Field(
        default=None,
        description="Number as printed; omitted only for a chapter's single unnumbered question",
    )
    text: Text
    items: list[SubItem] = Field(default_factory=list, description="Lettered sub-items")
    after: Text | None = Field(default=None, description="Text printed after the sub-items")


class QuestionGroup(Strict):
    """Specific questions under one unnumbered sub-heading (or none)."""

    heading: Text | None = None
    questions: list[Question] = Field(min_length=1)


# --- resource boxes ---------------------------------------------------------------------


class BoxSection(Strict):
    title: Text | None = Field(description="Section heading; null only in a box without headings")
    entries: list[Text] = Field(min_length=1)


class ResourceBox(Strict):
    number: Number = Field(description="The box number as printed (“Encadré 3”)")
    title: Text
    sections: list[BoxSection] = Field(min_length=1)

    @model_validator(mode="after")
    def _untitled_section_alone(self) -> ResourceBox:
        if len(self.sections) > 1 and any(s.title is None for s in self.sections):
            raise ValueError(
                "a box with several sections needs a title on each; "
                "a box without headings has exactly one section with `title: null`"
            )
        return self


class Resources(Strict):
    intro: Text = Field(description="Prose under “B. Ressources”")
    box: ResourceBox


# --- files ------------------------------------------------------------------------------


class Chapter(Strict):
    """`chapters/<lang>/<roman>.yml` for chapters II–XI."""

    title: Text
    overview: Text = Field(description="Markdown prose under “A. Présentation”")
    resources: Resources
    key_questions: list[Question] = Field(min_length=1)
    specific_questions: list[QuestionGroup] = Field(min_length=1)
    footnotes: Footnotes = Field(default_factory=dict)
    editor_notes: dict[NotePlace, Text] = Field(default_factory=dict, description=(
        "Visible editor's notes on errors of the source kept as printed in a box entry or a footnote of this "
        "chapter, by its ID: `box.8.1.4` (box 8, 1st section, 4th entry), `II#fn.5` (footnote 5 of chapter II)"))


class ProseSection(Strict):
    letter: SectionLetter
    title: Text
    body: Text = Field(description="Markdown prose; `###` for unnumbered sub-headings")


class ProseChapter(Strict):
    """`chapters/<lang>/introduction.yml` and `chapters/<lang>/i.yml`."""

    title: Text
    preamble: Text | None = None
    sections: list[ProseSection] = Field(min_length=1)
    footnotes: Footnotes = Field(default_factory=dict)


class Scale(Strict):
    label: Text
    options: list[Text] = Field(min_length=2)


class AnnexSubSubItem(Strict):
    n: Roman
    text: Text
    scale: ScaleKey | None = None
    note: Text | None = Field(default=None, description="“Note aux interrogateurs”, without the label")


class AnnexSubItem(Strict):
    n: Letter
    text: Text
    scale: ScaleKey | None = None
    note: Text | None = None
    items: list[AnnexSubSubItem] = Field(default_factory=list)


class AnnexQuestion(Strict):
    n: Number
    text: Text
    scale: ScaleKey | None = None
    note: Text | None = None
    items: list[AnnexSubItem] = Field(default_factory=list)


class AnnexSection(Strict):
    letter: SectionLetter
    title: Text
    overview: Text
    questions: list[AnnexQuestion] = Field(default_factory=list)


class Annex(Strict):
    """`chapters/<lang>/annex.yml`: the training-needs questionnaire."""

    title: Text
    scales: dict[ScaleKey, Scale] = Field(min_length=1)
    sections: list[AnnexSection] = Field(min_length=1)


class Labels(Strict):
    """Interface strings of one language."""

    home: Text
    chapter: Text
    overview: Text
    resources: Text
    key_question: Text
    key_questions: Text
    specific_questions: Text
    box: Text
    annex: Text
    questions: Text
    interviewer_note: Text
    country: Text
    footnotes: Text
    permalink: Text = Field(description="Accessible name of the link icon; `{id}` is replaced")
    scale: Text
    export: Text
    glossary: Text
    glossary_intro: Text = Field(description="The glossary page's first paragraph")
    used_in: Text = Field(description="Label of the list of pages where a term is used")
    offline_bundle: Text = Field(description="Name of the offline bundle (zip of the whole site)")
    offline_bundle_help: Text = Field(description="How to use the offline bundle, in one sentence")
    copy_link: Text = Field(description="Accessible name of a question's copy-link button; `{id}` is replaced")
    link_copied: Text = Field(description="Said when the short permalink has been copied")
    read_question: Text = Field(description="Link of a short permalink page to the question in this language; "
                                            "`{id}` is replaced")
    read_page: Text = Field(description="Link of a chapter's short permalink page to the chapter in this language")


def _every(names: tuple[str, ...]):
    """A validator: a mapping with a text for each of `names`, none missing."""
    def check(value: dict) -> dict:
        missing = [name for name in names if name not in value]
        if missing:
            raise ValueError(f"a text is missing for {', '.join(missing)}")
        return value
    return check


MISSION_FIELDS = ("country", "dates", "institution", "interlocutors", "assessor")  # a cover's blanks, once per document


class ChecklistStrings(Strict):
    """What the printable checklists (PDF and browser) and their pages say in one language."""

    checklist: Text = Field(description="What a chapter's printable document is, e.g. “Liste de contrôle”")
    annex_form: Text = Field(description="What the annex's printable document is, e.g. “Formulaire d’entretien”")
    mission_pack: Text = Field(description="Title of the document with every chapter's checklist and the annex form")
    mission_fields: dict[Literal[MISSION_FIELDS], Text] = Field(  # type: ignore[valid-type]
        description="Blank fields of a document's cover, by name: country, dates, institution, interlocutors, assessor")
    _mission_fields = field_validator("mission_fields")(_every(MISSION_FIELDS))
    scale_line: Text = Field(description="The cover's one line on how to answer; `{responses}` is replaced by the "
                                         "response scale's words")
    notes: Text = Field(description="Label of the ruled space for notes under a question")
    answer: Text = Field(description="Label of the ruled space for an answer in the annex form")
    contents: Text = Field(description="Title of the mission pack's contents page")
    page_of: Text = Field(description="Page footer; `{page}` and `{pages}` are replaced")
    edition: Text = Field(description="Which edition a printed page comes from, in its footer")
    online: Text = Field(description="Label of the short permalink printed in the footer")
    printable: Text = Field(description="On a chapter page, before the links to its PDFs")
    catalogue: Text = Field(description="Title of the page that lists every PDF")
    catalogue_intro: Text = Field(description="First paragraph of that page")
    fillable: Text = Field(description="Column heading of that page's fillable PDFs")
    fillable_intro: Text = Field(description="What the fillable PDFs are and which readers fill them, on that page")
    xlsform: Text = Field(description="Column heading of that page's XLSForms (KoboToolbox, ODK Collect)")
    xlsform_intro: Text = Field(description="What the XLSForms are and how to use them, on that page")
    document: Text = Field(description="Column heading: the document")
    pages: Text = Field(description="A page count; `{n}` is replaced")
    kilobytes: Text = Field(description="Unit of file sizes, e.g. “ko”")
    custom: Text = Field(description="Title of the page where readers compose and print their own checklist")
    custom_intro: Text = Field(description="First paragraph of that page")
    custom_link: Text = Field(description="On chapter pages and the PDF list, the link to that page")
    choose: Text = Field(description="Heading of the selection panel")
    whole_chapter: Text = Field(description="The tick box that selects a whole chapter")
    whole_annex: Text = Field(description="The tick box that selects the whole annex form")
    include: Text = Field(description="Accessible name of a question's tick box; `{id}` is replaced")
    print: Text = Field(description="The print button")
    select_all: Text
    clear: Text
    selected: Text = Field(description="How many questions are selected; `{n}` is replaced")
    nothing_selected: Text = Field(description="Said when the reader prints with nothing selected")
    selection_link: Text = Field(description="Label of the link that keeps the selection")
    copy_selection_link: Text = Field(description="The button that copies that link")
    jump: Text = Field(description="Name of the list of links to each chapter of the mission checklist page")
    no_script: Text = Field(description="Said when JavaScript is off")


RESPONSES = ("yes", "no", "partly", "unknown", "not-applicable")  # the mission's response scale: Oui, Non, En partie…
# How web/mission/file.js names the refusals of a mission file or of an import: a data export, a filled PDF
# (MissionFileError's code).
REFUSALS = ("too-large", "not-json", "not-mission", "version", "invalid", "unknown-item", "scale", "passphrase",
            "not-export", "export-labels", "not-form")


class MissionLabels(Strict):
    """The words of a mission's hand-over (Word, Excel, the printed record), in its working language."""

    responses: dict[Literal[RESPONSES], Text] = Field(  # type: ignore[valid-type]
        description="The response scale: Oui, Non, En partie, Inconnu, Sans objet")
    _responses = field_validator("responses")(_every(RESPONSES))
    response: Text
    notes: Text
    sources: Text
    institution: Text
    role: Text = Field(description="A source's role of the person met")
    document: Text
    id: Text
    chapter: Text
    part: Text
    question: Text
    question_in: Text = Field(pattern=r"\{language\}", description="Column of the question in one language")
    language_names: dict[str, Text] = Field(description="Every language's name in this language")
    assessor: Text
    last_change: Text
    no_response: Text
    record: Text = Field(description="Title of the hand-over, e.g. “Relevé de mission”")
    title: Text
    country: Text
    dates: Text
    team: Text
    language: Text
    date: Text
    selection: Text
    edition: Text
    contents: Text


class MissionStrings(Strict):
    """What the mission workspace says (the mission page, its dialogs and messages) in one language.
    `{…}` are replaced; `errors` are the refusals of a mission file, by the code web/mission/file.js
    gives them."""

    labels: MissionLabels
    ui: dict[str, Text] = Field(description="The workspace's controls and messages, by name")
    errors: dict[Literal[REFUSALS], Text]  # type: ignore[valid-type]
    _errors = field_validator("errors")(_every(REFUSALS))


class WorkingGroupStrings(Strict):
    """What the site says about the Working Group documents in one language."""

    section: Text = Field(description="Navigation section of the Working Group documents")
    editor_note: Text = Field(description="Label of an editor's note on an error of the source")
    summary: Text = Field(description="Heading of a report's summary")
    recommendations_on_theme: Text = Field(description="Heading, on a chapter page, of the recommendations on its theme")
    questions_on_theme: Text = Field(description="Heading, on a chapter page, of the questions for discussion on its theme")
    chapters_on_theme: Text = Field(description="Before the links from a recommendation or theme to toolkit chapters")
    unresolved: Text = Field(description="Label of a citation that could not be resolved")
    resources: Text = Field(description="Title of the catalogue of resources")
    resources_intro: Text = Field(description="First paragraph of the catalogue of resources")
    cited_in: Text = Field(description="Before the places that cite a resource")
    footnote: Text = Field(description="A footnote of a document, as a place that cites a resource; `{n}` is replaced")
    kinds: dict[str, Text] = Field(description="Headings of the catalogue, per kind of resource")


class NotFoundStrings(Strict):
    """What the 404 pages say: the site root's (every language) and each edition's."""

    title: Text
    text: Text = Field(description="Why the reader is here and what to do")
    permalinks: Text = Field(pattern=r"\{example\}", description="How short permalinks are written; `{example}` "
                                                                   "is replaced by one, as printed")


class PaletteStrings(Strict):
    """The colour scheme toggle in the header: each name says which scheme a click switches to
    (the accessible name and tooltip of the button)."""

    light: Text = Field(description="Switches to the light scheme")
    dark: Text = Field(description="Switches to the dark scheme")
    system: Text = Field(description="Switches back to following the system's setting")


class FooterStrings(Strict):
    """What every page's footer says (overrides/partials/footer.html)."""

    status: Text = Field(description="The edition's status in one line: whose publication it is, what the "
                                     "translation is")
    start: Text = Field(description="The link to the home page's tasks")
    about: Text = Field(description="The link to the home page's section on this edition")


class SearchStrings(Strict):
    """What the search box says (overrides/partials/search.html, assets/javascripts/search.js)."""

    open: Text = Field(description="The header button that opens the search")
    label: Text = Field(description="The label of the search field, naming the edition")
    placeholder: Text = Field(description="The hint in the empty field: what can be searched")
    close: Text = Field(description="The button that closes the search")
    loading: Text = Field(description="While the index loads, on first use")
    failed: Text = Field(description="When the index could not be loaded")
    results: Text = Field(pattern=r"\{count\}", description="How many results; `{count}` is replaced")
    one_result: Text
    none: Text = Field(pattern=r"\{query\}", description="No result; `{query}` is replaced by what was typed")
    other_language: Text = Field(description="Before a result's wording in the other language, when only it matched")
    keys: Text = Field(description="How to move in the results with the keyboard")


Word = Annotated[str, StringConstraints(pattern=r"^[^\W\d_]+( [^\W\d_]+)*$")]  # letters and single spaces


class CitationStrings(Strict):
    """The “Cite” buttons and what a citation says in this language (tiptoolkit/citation.py)."""

    cite: Text = Field(pattern=r"\{id\}", description="Accessible name of an item's “Cite” button; `{id}` is replaced")
    cite_page: Text = Field(description="The page's “Cite” button")
    dialog: Text = Field(description="Title of the window that shows a citation")
    copy_text: Text = Field(description="The button that copies the citation")
    copied: Text = Field(description="Said when the citation has been copied")
    download: Text = Field(description="Before the buttons that download it for a reference manager")
    close: Text = Field(description="The button that closes the window")
    edition: Text = Field(description="What this edition is, after the original's reference: “Online edition”")
    available: Text = Field(pattern=r"\{url\}.*\{date\}",
                            description="Where it is and when it was read: `{url}`, then `{date}`, are replaced "
                                        "(“Available at {url} (accessed {date})”)")
    quoted: Text = Field(pattern=r"\{text\}", description="A document's title in quotation marks: `“{text}”`")
    date_locale: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}(-[A-Z]{2})?$")] = Field(
        description="How the reader's browser writes the date of access: `fr`, `en-GB` (day month year)")
    kinds: dict[Literal["question", "recommendation", "paragraph", "discussion-question"], Word] = Field(
        description="How a citation names an item of each kind, before its ID: “question IV.D.3.o”")


class AboutStrings(Strict):
    """What the page “About this edition” says: every departure from the printed French
    (tiptoolkit/departures.py)."""

    title: Text = Field(description="The page's title and its name in the navigation")
    intro: Text = Field(description="First paragraph: what the page lists, and what it does not (repaired "
                                    "extraction damage)")
    corrections: Text = Field(description="Heading of the corrections of the printed text")
    corrections_intro: Text
    printed: Text = Field(description="Label of the French text as printed")
    published: Text = Field(description="Label of the French text as published here")
    why: Text = Field(description="Label of the reason for a correction")
    notes: Text = Field(description="Heading of the editor's notes on errors kept as printed")
    notes_intro: Text
    unnumbered: Text = Field(description="After the ID of a section, for an editor's note on a paragraph of it "
                                         "that has no number")


class SiteStrings(Strict):
    """`content/<lang>/site.yml`: what the site says in one language."""

    language_name: Text = Field(description="The language's own name, e.g. “Français”")
    site_name: Text
    site_description: Text
    labels: Labels
    checklist: ChecklistStrings
    mission: MissionStrings
    wg: WorkingGroupStrings
    not_found: NotFoundStrings
    search: SearchStrings
    palette: PaletteStrings
    footer: FooterStrings
    citation: CitationStrings
    about: AboutStrings


LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]
TermId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


# --- Working Group documents (`content/<lang>/wg/`) -----------------------------------------

UpperRoman = Annotated[str, StringConstraints(pattern=r"^[IVXL]+$")]


class Block(Strict):
    """What a recommendation and a paper's paragraph have in common."""

    text: Text = Field(description="Markdown with footnote references `[^N]`; a citation of a Working Group "
                                   "report is written `[as printed](cite:CTOC/COP/WG.4/2009/2#par.17)`")
    items: list[SubItem] = Field(default_factory=list, description="Lettered sub-items (with roman sub-sub-items)")
    after: Text | None = Field(default=None, description="Text printed after the sub-items")
    editor_note: Text | None = Field(default=None, description="Visible editor's note on an error of the source, "
                                                               "whose text is kept as printed")


class Recommendation(Block):
    """A numbered recommendation of one meeting: `WG.IV.46.j.ii` is its sub-sub-item ii."""

    n: Number = Field(description="Number as printed; numbering restarts at 1 in each meeting")


class Meeting(Strict):
    """One meeting of the Working Group and the recommendations it adopted."""

    n: UpperRoman = Field(description="The meeting's roman numeral, as in the heading: I … VIII")
    heading: Text = Field(description="The heading without its numeral: “Première réunion, tenue à Vienne …”")
    preamble: Text | None = Field(default=None, description="Prose under the heading (meeting III says where "
                                                            "its recommendations went)")
    recommendations: list[Recommendation] = Field(default_factory=list)

    @model_validator(mode="after")
    def _says_something(self) -> Meeting:
        if not self.recommendations and not self.preamble:
            raise ValueError("a meeting without recommendations needs its `preamble`, which says why")
        return self


class Recommendations(Strict):
    """`content/<lang>/wg/recommendations.yml`: the recommendations of meetings I–VIII."""

    title: Text = Field(description="Page title (the compilation prints none: an editorial title)")
    meetings: list[Meeting] = Field(min_length=1)
    footnotes: Footnotes = Field(default_factory=dict)


class Paragraph(Block):
    """A numbered paragraph (or an unnumbered block) of a background paper or report."""

    n: Number | None = Field(default=None, description="Paragraph number as printed; omit for an "
                                                            "unnumbered block")


class PaperQuestion(Strict):
    """A question for discussion."""

    n: Letter | None = Field(default=None, description="Letter as printed (2019 paper); omitted when the paper "
                                                       "prints none (2018 paper)")
    text: Text
    editor_note: Text | None = None


class Theme(Strict):
    """Questions for discussion under one theme heading: `BP2019.Q.3` and its questions."""

    title: Text
    questions: list[PaperQuestion] = Field(min_length=1)


class Subsection(Strict):
    letter: SectionLetter | None = Field(default=None, description="Letter as printed; omit for an unlettered "
                                                                   "sub-heading")
    title: Text
    paragraphs: list[Paragraph] = Field(min_length=1)


class PaperSection(Strict):
    n: UpperRoman = Field(description="Section numeral as printed: I, II, …")
    title: Text
    paragraphs: list[Paragraph] = Field(default_factory=list)
    themes: list[Theme] = Field(default_factory=list, description="The questions for discussion, by theme")
    subsections: list[Subsection] = Field(default_factory=list)


class Paper(Strict):
    """`content/<lang>/wg/<slug>.yml`: a Secretariat background paper or a report."""

    title: Text
    subtitle: Text | None = Field(default=None, description="e.g. “Document d’information établi par le "
                                                            "Secrétariat”, “Rapport du Secrétaire général”")
    masthead: list[Text] = Field(default_factory=list, description="Lines printed above the title (body, "
                                                                   "meeting, place and dates, agenda item)")
    masthead_note: Text | None = Field(default=None, description="The asterisk note of the agenda item")
    summary: Text | None = Field(default=None, description="“Résumé”, if printed")
    sections: list[PaperSection] = Field(min_length=1)
    footnotes: Footnotes = Field(default_factory=dict)


Symbol = Annotated[str, StringConstraints(pattern=r"^CTOC/COP/WG\.4/\d{4}/\d+$")]
DocId = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9]*$")]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


class CompanionDocument(Strict):
    slug: Slug = Field(description="Page and file name: `content/<lang>/wg/<slug>.yml`, `/<lang>/<slug>/`")
    id: DocId = Field(description="First part of the IDs of its items: `WG` (WG.IV.46.j.ii), `BP2018` (BP2018.12)")
    kind: Literal["recommendations", "paper"]
    symbol: Symbol | None = Field(default=None, description="The document's UN symbol, if it prints one")


class Report(Strict):
    meeting: UpperRoman
    symbol: Symbol = Field(description="The symbol of the report of that meeting")


class Register(Strict):
    """`content/wg/documents.yml`: the companion documents in reading order, and the report of
    each meeting (citations give report symbols)."""

    documents: list[CompanionDocument] = Field(min_length=1)
    reports: list[Report] = Field(min_length=1)


Cited = Annotated[str, StringConstraints(pattern=r"^CTOC/COP/WG\.4/\d{4}/\d+(#[a-z]+(\.[A-Za-z0-9]+)*)?$")]
TargetId = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9]*(\.[A-Za-z0-9]+)+$")]


class Correspondence(Strict):
    """One cited place of a Working Group document and what it is in the compilation."""

    cited: Cited = Field(description="Symbol and locator as the `cite:` links write them: "
                                     "`CTOC/COP/WG.4/2009/2#par.13`; a longer locator (`#par.13.e`) "
                                     "keeps its extra letters on the target (`WG.I.11.e`)")
    target: TargetId | None = Field(description="The recommendation (or meeting, `WG.I`) it is; null when "
                                                "the citation cannot be resolved")
    note: Text = Field(description="How the row was established (which texts were compared), for editors")
    flag: dict[LanguageCode, Text] | None = Field(
        default=None, description="For an unresolved citation: the editor's note readers see, per language")

    @model_validator(mode="after")
    def _flag_when_unresolved(self) -> Correspondence:
        if self.target is None and not self.flag:
            raise ValueError("an unresolved citation (`target: null`) needs `flag:` with the readers' note "
                             "in every language")
        if self.target is not None and self.flag:
            raise ValueError("a resolved citation has no `flag:`; remove it or set `target: null`")
        return self


class Citations(Strict):
    """`content/wg/citations.yml`: report paragraphs and the recommendations they are."""

    citations: list[Correspondence] = Field(min_length=1)


ChapterNumeral = Annotated[str, StringConstraints(pattern=r"^[IVXL]+$")]


class ThemeEntry(Strict):
    item: TargetId = Field(description="A recommendation (`WG.II.20`) or a theme of questions (`BP2019.Q.3`)")
    chapters: list[ChapterNumeral] = Field(min_length=1, description="Toolkit chapters on the same theme")
    reason: dict[LanguageCode, Text] = Field(description="Why, in one line, per language")


class Themes(Strict):
    """`content/wg/themes.yml`: which toolkit chapters each recommendation or question theme concerns."""

    entries: list[ThemeEntry] = Field(min_length=1)


Place = Annotated[str, StringConstraints(pattern=r"^(box\.\d+\.\d+\.\d+|[A-Z][A-Z0-9]*(\.[A-Za-z0-9]+)+|[A-Z][A-Z0-9]*#fn\.\d+)$")]


class Resource(Strict):
    id: TermId = Field(description="Stable, lower case with dashes; its anchor on the Resources page")
    kind: Literal["instrument", "resolution", "tool", "publication", "database"]
    title: dict[LanguageCode, Text] = Field(description="How the resource is named, per language")
    cited_in: list[Place] = Field(min_length=1, description=(
        "Every place that cites it: `box.3.2.5` (box 3, its 2nd section, 5th entry), an item ID "
        "(`BP2018.58`, `WG.I.7`), or a footnote (`BP2018#fn.13`)"))


class ResourceCatalogue(Strict):
    """`content/resources.yml`: every resource the toolkit's boxes and the companion documents cite."""

    resources: list[Resource] = Field(min_length=1)


DepartureId = Annotated[str, StringConstraints(
    pattern=r"^(box\.\d+(\.\d+){0,2}|[A-Z][A-Z0-9]*(\.[A-Za-z0-9]+)+|[A-Z][A-Z0-9]*#fn\.\d+)$")]


class Correction(Strict):
    """One place where the online French text corrects the printed one."""

    id: DepartureId = Field(description=(
        "What it corrects: an item's ID (`II.D.13.e`), a box (`box.8`), a box's section (`box.8.2`) or entry "
        "(`box.8.2.7`: box 8, its 2nd section, 7th entry), a footnote (`II#fn.5`, `BP2018#fn.13`)"))
    before: Text | None = Field(default=None, description="The French as printed (an excerpt); omitted, with "
                                                          "`after`, when the correction is not of words")
    after: Text | None = Field(default=None, description="The French as published here (an excerpt): the item "
                                                         "must contain it")
    why: dict[LanguageCode, Text] = Field(description="Why, per language")

    @model_validator(mode="after")
    def _both_or_neither(self) -> Correction:
        if (self.before is None) != (self.after is None):
            raise ValueError("give both `before` (as printed) and `after` (as published), or neither for a "
                             "correction that is not of words")
        return self


class Departures(Strict):
    """`content/departures.yml`: every correction of the printed French text, listed on the page “About
    this edition”. Repaired extraction damage (page headers, hyphenation, stray characters) is not listed;
    an error kept as printed gets an `editor_note` in the content instead."""

    corrections: list[Correction] = Field(min_length=1)




class Term(Strict):
    """One glossary entry: the term in every language, its definition in every language."""

    id: TermId = Field(description="Stable, lower case with dashes; the term's anchor on the glossary page")
    term: dict[LanguageCode, Text] = Field(description="The headword, per language")
    forms: dict[LanguageCode, list[Text]] = Field(
        default_factory=dict, description="Other forms the text uses, per language (to find where the term is used)")
    wrong: dict[LanguageCode, list[Text]] = Field(
        default_factory=dict, description="Wrong variants that the check refuses in that language's text")
    definition: dict[LanguageCode, Text] = Field(description="A short definition, per language")


class Glossary(Strict):
    """`content/glossary.yml`: the bilingual glossary."""

    terms: list[Term] = Field(min_length=1)


class Publication(Strict):
    """`content/publication.yml`: where the site is published."""

    url: Annotated[str, StringConstraints(
        pattern=r"^https?://[A-Za-z0-9.-]+(:[0-9]+)?/([A-Za-z0-9_~-][A-Za-z0-9._~-]*/)*$")] = Field(
        description="Address of the site root: `https://` (or `http://`), the host, and the folder the site "
                    "is served under if any (`https://example.org/toolkit/`), ending with `/`, without `?` or "
                    "`#`; every link, short permalink, 404 page and the sitemap follow it, and printed "
                    "checklists give their short permalinks (`<url>q/iv/`) under it")

    @property
    def base(self) -> str:
        """The site root's path on its host, `/` (`/toolkit/` under a sub-path): where the
        addresses that start from the host's root start."""
        return urlsplit(self.url).path


class Original(Strict):
    """`content/citation.yml`: the publication the site is an edition of, as every citation names it
    (the “Cite” buttons, the pages' `citation_*` meta tags, CITATION.cff)."""

    author: dict[LanguageCode, Text] = Field(description="The author, an institution, in each language")
    short_author: dict[LanguageCode, Text] = Field(description="Its abbreviation in each language: “UNODC”")
    title: Text = Field(description="The title as printed")
    language: LanguageCode = Field(description="The language it was published in")
    english_title: Text = Field(description="The title of the publisher's own English edition, given after the "
                                            "title in English citations (this site's English is its own translation)")
    place: dict[LanguageCode, Text] = Field(description="Where it was published, in each language")
    date: Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}$")] = Field(
        description="When it was published, as printed: year and month, `2010-08`")
    number: Annotated[str, StringConstraints(pattern=r"^[A-Z]\.\d{2}-\d{5}$")] = Field(
        description="The number printed on it (the United Nations job number, `V.09-87519`): it has no sales number")


CONTENT_MODELS: dict[str, type[Strict]] = {
    "chapter": Chapter,
    "prose-chapter": ProseChapter,
    "annex": Annex,
    "site": SiteStrings,
    "glossary": Glossary,
    "publication": Publication,
    "citation": Original,
    "recommendations": Recommendations,
    "paper": Paper,
    "wg-documents": Register,
    "wg-citations": Citations,
    "wg-themes": Themes,
    "resources": ResourceCatalogue,
    "departures": Departures,
}
