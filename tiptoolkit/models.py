"""Pydantic models of every content file; `python -m tiptoolkit schema` exports them as JSON Schema.

Numbers, letters and roman numerals (`n`) are stated once, as printed in the source;
IDs and anchors are derived from them (see :mod:`tiptoolkit.catalog`).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, PositiveInt, StringConstraints, model_validator

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Letter = Annotated[str, StringConstraints(pattern=r"^[a-z]$")]
Roman = Annotated[str, StringConstraints(pattern=r"^[ivxl]+$")]
SectionLetter = Annotated[str, StringConstraints(pattern=r"^[A-Z]$")]
ScaleKey = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]*$")]
Footnotes = dict[PositiveInt, Text]


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

    n: PositiveInt | None = Field(
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
    number: PositiveInt = Field(description="The box number as printed (“Encadré 3”)")
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
    n: PositiveInt
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


class ChecklistStrings(Strict):
    """What the printable checklists (PDF and browser) and their pages say in one language."""

    checklist: Text = Field(description="What a chapter's printable document is, e.g. “Liste de contrôle”")
    annex_form: Text = Field(description="What the annex's printable document is, e.g. “Formulaire d’entretien”")
    mission_pack: Text = Field(description="Title of the document with every chapter's checklist and the annex form")
    mission_fields: list[Text] = Field(min_length=1, description="Blank fields of a cover: country, dates, …")
    answers: list[Text] = Field(min_length=2, description="Tick-box columns of every question, e.g. answered, "
                                                          "partly, not applicable")
    notes: Text = Field(description="Label of the ruled space for notes under a question")
    answer: Text = Field(description="Label of the ruled space for an answer in the annex form")
    contents: Text = Field(description="Title of the mission pack's contents page")
    page_of: Text = Field(description="Page footer; `{page}` and `{pages}` are replaced")
    edition: Text = Field(description="Which edition a printed page comes from, in its footer")
    online: Text = Field(description="Label of the short permalink printed in the footer")
    printable: Text = Field(description="On a chapter page, before the links to its PDFs")
    catalogue: Text = Field(description="Title of the page that lists every PDF")
    catalogue_intro: Text = Field(description="First paragraph of that page")
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
    no_script: Text = Field(description="Said when JavaScript is off")


class SiteStrings(Strict):
    """`content/<lang>/site.yml`: what the site says in one language."""

    language_name: Text = Field(description="The language's own name, e.g. “Français”")
    site_name: Text
    site_description: Text
    labels: Labels
    checklist: ChecklistStrings


LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]
TermId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


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

    url: Annotated[str, StringConstraints(pattern=r"^https://[^/?#\s]+/([^?#\s]*/)?$")] = Field(
        description="Address of the site root, ending with `/`; printed checklists give their short "
                    "permalinks (`<url>q/iv/`) under it")


CONTENT_MODELS: dict[str, type[Strict]] = {
    "chapter": Chapter,
    "prose-chapter": ProseChapter,
    "annex": Annex,
    "site": SiteStrings,
    "glossary": Glossary,
    "publication": Publication,
}
