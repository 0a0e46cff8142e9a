"""Markdown for every page of an edition, from the structured content.

Texts are escaped (content can never inject markup; what a text may not contain is made inert,
:func:`tiptoolkit.markup.inert`), placeholders and footnote references become HTML, and
cross-references become Markdown links (see :mod:`tiptoolkit.xref`). Interface strings and
titles are escaped once (:func:`tiptoolkit.markup.escaped`).
Question lists are HTML blocks with `markdown` attributes (Python-Markdown's md_in_html),
so their texts are still Markdown and MkDocs validates their links and anchors.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

from . import wg
from .edition import Edition, Item, Page, anchor_of
from .errors import ContentError
from .markup import (CITE, COUNTRY, FOOTNOTE_REF, escaped, inert, page_title, permalink_path, plain_text,
                     question_part_titles, quoted)
from .models import Annex, Chapter, Paper, ProseChapter, Recommendations
from .references import Citations
from .xref import Context, Resolver, box_anchor, part_anchor


BREAK = "\n\n"  # a paragraph break inside an item's text (a paper's paragraph of two): a line break on the page
SUBHEADING = re.compile(r"^###[^\n]*?(?=\s*$)", re.MULTILINE)  # a Markdown sub-heading line, without trailing spaces


@dataclass(frozen=True)
class RenderedPage:
    slug: str
    title: str  # for navigation: plain text, escaped by what prints it
    markdown: str


class Renderer:
    def __init__(self, edition: Edition):
        self.edition = edition
        self.labels = edition.strings.labels
        self.wg = edition.strings.wg
        self.resolver = Resolver(edition)
        self.cites = Citations(edition, self.resolver)
        self.themes = wg.themes(edition.root)[0].entries
        self.chapters_of = {entry.item: entry.chapters for entry in self.themes}  # recommendation or theme -> chapters

    # --- texts -----------------------------------------------------------------------

    def text(self, raw: str, ctx: Context, links: bool = True, note: bool = False, prose: bool = False) -> str:
        """One content text as safe Markdown; `links=False` for citations of other works
        (box entries, footnotes), whose “chapitre 2” or “annexe” are not ours; `prose` for a
        prose field (Markdown blocks, links)."""
        out = html.escape(raw, quote=False)
        out = inert(out.replace(COUNTRY, f'<span class="tk-blank">[{escaped(self.labels.country)}]</span>'), prose)
        out = FOOTNOTE_REF.sub(
            lambda m: f'<sup class="tk-fnref" id="fnref-{m[1]}"><a href="#fn-{m[1]}">{m[1]}</a></sup>', out)
        out = self.citations(out, ctx, strict=not note)
        return self.resolver.link(out, ctx) if links and not ctx.page.document else out

    def citations(self, text: str, ctx: Context, strict: bool = True) -> str:
        """`[as printed](cite:SYMBOL#locator)` becomes a link to the recommendation the table
        says it is, or stays text with the table's visible note when it cannot be resolved.
        `strict`: a symbol written without `cite:` is an error (not in editor's notes, which
        may name a symbol the source got wrong)."""
        if strict:
            self.cites.unmarked(text, ctx)

        def replace(match: re.Match) -> str:
            target = self.cites.resolve(match, ctx)
            if target is None:
                return match["text"]
            if target.id is None:
                flag = (target.flag or {}).get(self.edition.lang, "")
                return (f'<span class="tk-unresolved">{match["text"]}</span> <span class="tk-editor-note">'
                        f'[{escaped(self.wg.unresolved)}: {escaped(flag)}]</span>')
            slug = self.cites.slug_of[target.id.split(".")[0]]
            return f'[{match["text"]}]({self.resolver.href(slug, anchor_of(target.id), ctx.page)})'

        return CITE.sub(replace, text)

    def prose_text(self, raw: str, ctx: Context, anchor: str) -> str:
        """A prose field (Markdown); its `###` sub-headings get language-neutral anchors
        `<anchor>-s1`, `-s2`, … so that both editions share them."""
        count = 0

        def number(match: re.Match) -> str:
            nonlocal count
            count += 1
            return f"{match[0]} {{#{anchor}-s{count}}}"

        return SUBHEADING.sub(number, self.text(raw, ctx, prose=True))

    def plain(self, raw: str) -> str:
        """A text for a title or heading: escaped, placeholder spelt out, no links."""
        return escaped(raw.replace(COUNTRY, f"[{self.labels.country}]"))

    # --- pages -----------------------------------------------------------------------

    def pages(self) -> list[RenderedPage]:
        rendered = [self.page(page) for page in self.edition.pages]
        if self.resolver.problems:
            raise ContentError(self.resolver.problems)
        return rendered

    def title(self, page: Page) -> str:
        return self.plain(page_title(page, self.labels))

    def page(self, page: Page) -> RenderedPage:
        content = page.content
        body = getattr(self, page.kind)(page, content)  # self.chapter, self.prose, self.annex, …
        footnotes = getattr(content, "footnotes", {})
        if footnotes:
            body.append(self.footnotes(page, footnotes))
        title = self.title(page)
        front = f"---\ntitle: {quoted(title)}\n---\n\n{self.heading(1, title, page.slug)}\n"
        return RenderedPage(page.slug, page_title(page, self.labels), front + "\n" + "\n\n".join(body) + "\n")

    def heading(self, level: int, text: str, anchor: str) -> str:
        return f"{'#' * level} {text} {{#{anchor}}}"

    def chapter(self, page: Page, chapter: Chapter) -> list[str]:
        labels, out = self.labels, []
        out.append(self.heading(2, f"A. {escaped(labels.overview)}", part_anchor(page, "A")))
        out.append(self.prose_text(chapter.overview, Context(page, None, "overview"), part_anchor(page, "A")))
        out.append(self.heading(2, f"B. {escaped(labels.resources)}", part_anchor(page, "B")))
        out.append(self.text(chapter.resources.intro, Context(page, None, "resources.intro"), prose=True))
        out.append(self.box(page, chapter))
        parts = question_part_titles(chapter, labels)
        out.append(self.heading(2, escaped(parts["C"]), part_anchor(page, "C")))
        out.append(self.question_list(page, "C", [i for i in self.items(page) if i.part == "C"]))
        out.append(self.heading(2, escaped(parts["D"]), part_anchor(page, "D")))
        specific = [i for i in self.items(page) if i.part == "D"]
        for index, group in enumerate(chapter.specific_questions, start=1):
            numbers = {f"{page.numeral}.D.{q.n}" for q in group.questions}
            members = [i for i in specific if i.id in numbers or _root_of(i) in numbers]
            if group.heading:
                out.append(self.heading(3, self.plain(group.heading), f"{part_anchor(page, 'D')}-s{index}"))
            out.append(self.question_list(page, "D", members))
        out += self.on_theme(page)
        return out

    def box(self, page: Page, chapter: Chapter) -> str:
        box = chapter.resources.box
        ctx = Context(page, None, f"box {box.number}")
        title = f"{escaped(self.labels.box)} {box.number}. {self.plain(box.title)}"
        lines = [f'<div class="admonition tk-box" id="{box_anchor(box.number)}" markdown="1">',
                 f'<p class="admonition-title">{title}</p>', ""]
        for index, section in enumerate(box.sections, start=1):
            if section.title:
                lines += [f'<h3 class="tk-box-section" id="{box_anchor(box.number)}-s{index}">{self.plain(section.title)}</h3>', ""]
            lines += [f"- {self.text(entry, ctx, links=False)}"
                      + self.inline_note(page, f"box.{box.number}.{index}.{number}")
                      for number, entry in enumerate(section.entries, start=1)]
            lines.append("")
        lines.append("</div>")
        return "\n".join(lines)

    def copy_button(self, item: Item) -> str:
        """The “copy link” control of an item (shown by toolkit.js) and where it says it worked."""
        name = html.escape(self.labels.copy_link.replace("{id}", item.id))
        return (f'<button type="button" class="tk-copy" data-permalink="{permalink_path(item.anchor)}" '
                f'data-copied="{html.escape(self.labels.link_copied)}" aria-label="{name}" title="{name}" hidden>'
                '</button><span class="tk-copied" role="status"></span>')  # its icon: toolkit.css

    def items(self, page: Page) -> list[Item]:
        return [i for i in self.edition.items if i.page == page.slug]

    def question_list(self, page: Page, part: str, items: list[Item], depth: int = 0, parent: str | None = None) -> str:
        level = [i for i in items if i.depth == depth and i.parent == parent]
        css = ["tk-questions", "tk-items", "tk-subitems"][depth]
        lines = [f'<ol class="{css}" markdown="1">']
        for item in level:
            ctx = Context(page, part, item.id)
            label = f'<span class="tk-label">{item.label}</span> ' if item.label else ""
            permalink = self.labels.permalink.replace("{id}", item.id)
            lines += [
                f'<li id="{item.anchor}" markdown="1">',
                f'<div class="tk-q" markdown="span">{label}<span class="tk-text">{self.text(item.text, ctx).replace(BREAK, "<br><br>")}</span> '
                f'<a class="tk-id" href="#{item.anchor}" title="{html.escape(permalink)}">{item.id}</a>'
                f'{self.copy_button(item)}</div>',
            ]
            if item.editor_note:
                lines.append(self.editor_note(item.editor_note, ctx))
            if item.id in self.chapters_of:
                lines.append(self.chapter_links(item.id, ctx.page))
            if item.note:
                lines.append(f'<p class="tk-note" markdown="span"><strong>{escaped(self.labels.interviewer_note)}:'
                             f"</strong> {self.text(item.note, ctx)}</p>")
            if item.scale:
                lines.append(self.scale(item.scale))
            if any(child.parent == item.id for child in items):
                lines.append(self.question_list(page, part, items, depth + 1, item.id))
            if item.after:
                lines.append(f'<p class="tk-after" markdown="span">{self.text(item.after, ctx)}</p>')
            lines.append("</li>")
        lines.append("</ol>")
        return "\n".join(lines)

    def editor_note(self, note: str, ctx: Context) -> str:
        return (f'<p class="tk-editor-note" markdown="span"><strong>{escaped(self.wg.editor_note)}:</strong> '
                f"{self.text(note, ctx, note=True)}</p>")

    def inline_note(self, page: Page, place: str) -> str:
        """The editor's note at the end of a box entry or a footnote (`box.8.1.4`, `II#fn.5`: a
        chapter's `editor_notes`), or nothing."""
        note = getattr(page.content, "editor_notes", {}).get(place)
        if not note:
            return ""
        return (f'<br><span class="tk-editor-note"><strong>{escaped(self.wg.editor_note)}:</strong> '
                f"{self.text(note, Context(page, None, place), links=False, note=True)}</span>")

    def chapter_links(self, item_id: str, here: Page) -> str:
        links = ", ".join(f"[{numeral}]({self.resolver.href(numeral.lower(), None, here)})"
                          for numeral in self.chapters_of[item_id])
        return f'<p class="tk-themes" markdown="span">{escaped(self.wg.chapters_on_theme)}: {links}</p>'

    def on_theme(self, page: Page) -> list[str]:
        """On a chapter page: the Working Group recommendations and questions for discussion on its theme."""
        entries = [e for e in self.themes if page.numeral in e.chapters]
        if not entries:
            return []
        themes = wg.theme_ids(self.edition)
        anchor = f"{page.slug}-wg"
        out = [self.heading(2, escaped(self.wg.recommendations_on_theme), anchor)]
        lines = ['<ul class="tk-wg" markdown="1">']
        for entry in (e for e in entries if e.item not in themes):
            item = self.edition.item(entry.item)
            href = self.resolver.href(self.cites.slug_of[item.chapter], item.anchor, page)
            lines.append(f'<li markdown="span">[{item.id}]({href}) {self.excerpt(item.text)} '
                         f'<span class="tk-reason">— {self.plain(entry.reason[self.edition.lang])}</span></li>')
        out.append("\n".join([*lines, "</ul>"]))
        questions = [e for e in entries if e.item in themes]
        if questions:
            out.append(self.heading(3, escaped(self.wg.questions_on_theme), f"{anchor}-questions"))
            lines = ['<ul class="tk-wg" markdown="1">']
            for entry in questions:
                paper, title, items = themes[entry.item]
                href = self.resolver.href(paper.slug, anchor_of(entry.item), page)
                lines += ['<li markdown="1">', f'<p markdown="span">[{entry.item}]({href}) {self.plain(title)} '
                          f'<span class="tk-reason">— {self.plain(entry.reason[self.edition.lang])}</span></p>',
                          '<ul markdown="1">']
                lines += [f'<li markdown="span">[{i.id}]({self.resolver.href(paper.slug, i.anchor, page)}) '
                          f"{self.plain(plain_text(i.text, self.labels.country))}</li>" for i in items]
                lines += ["</ul>", "</li>"]
            out.append("\n".join([*lines, "</ul>"]))
        return out

    def excerpt(self, raw: str, limit: int = 220) -> str:
        """The start of a text, cut at a word, for a list that links to the whole."""
        text = plain_text(raw, self.labels.country)
        if len(text) > limit:
            text = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:") + " …"
        return self.plain(text)

    def recommendations(self, page: Page, content: Recommendations) -> list[str]:
        out, doc = [], page.document.id
        for meeting in content.meetings:
            out.append(self.heading(2, f"{meeting.n}. {self.plain(meeting.heading)}", anchor_of(f"{doc}.{meeting.n}")))
            if meeting.preamble:
                out.append(self.text(meeting.preamble, Context(page, None, f"{doc}.{meeting.n}"), prose=True))
            items = [i for i in self.items(page) if i.part == meeting.n]
            if items:
                out.append(self.question_list(page, meeting.n, items))
        return out

    def paper(self, page: Page, paper: Paper) -> list[str]:
        doc, out = page.document.id, []
        if paper.masthead:
            lines = "<br>\n".join(self.plain(line) for line in paper.masthead)
            out.append(f'<p class="tk-masthead">{lines}</p>')
        if paper.masthead_note:
            out.append(f'<p class="tk-masthead-note">* {self.plain(paper.masthead_note)}</p>')
        if paper.subtitle:
            out.append(f'<p class="tk-subtitle">{self.plain(paper.subtitle)}</p>')
        if paper.summary:
            out.append(self.heading(2, escaped(self.wg.summary), anchor_of(f"{doc}.summary")))
            out.append(self.text(paper.summary, Context(page, None, "summary"), prose=True))
        themes = {(s, t): theme_id for theme_id, s, t, _ in wg.numbered_themes(doc, paper)}
        for s_index, section in enumerate(paper.sections):
            anchor = anchor_of(f"{doc}.{section.n}")
            out.append(self.heading(2, f"{section.n}. {self.plain(section.title)}", anchor))
            out += self.paragraphs(page, section.n, section.paragraphs)
            for t_index, theme in enumerate(section.themes):
                theme_id = themes[(s_index, t_index)]
                out.append(self.heading(3, self.plain(theme.title), anchor_of(theme_id)))
                if theme_id in self.chapters_of:
                    out.append(self.chapter_links(theme_id, page))
                out.append(self.question_list(page, wg.QUESTIONS, [i for i in self.items(page)
                                                                   if i.id.startswith(theme_id + ".")]))
            for index, sub in enumerate(section.subsections, start=1):
                title = f"{sub.letter}. {self.plain(sub.title)}" if sub.letter else self.plain(sub.title)
                out.append(self.heading(3, title, f"{anchor}-{(sub.letter or f's{index}').lower()}"))
                out += self.paragraphs(page, section.n, sub.paragraphs)
        return out

    def paragraphs(self, page: Page, part: str, paragraphs: list) -> list[str]:
        """Numbered paragraphs as lists of items (with IDs and permalinks); unnumbered blocks as prose."""
        out, run = [], []
        doc = page.document.id
        for paragraph in [*paragraphs, None]:
            if paragraph is not None and paragraph.n is not None:
                root = f"{doc}.{paragraph.n}"
                run += [i for i in self.items(page) if i.id == root or i.id.startswith(root + ".")]
                continue
            if run:
                out.append(self.question_list(page, part, run))
                run = []
            if paragraph is not None:
                ctx = Context(page, None, doc)
                out.append(self.text(paragraph.text, ctx, prose=True))
                if paragraph.items:
                    out.append(self.quoted_list(paragraph.items, ctx))
                if paragraph.after:
                    out.append(self.text(paragraph.after, ctx, prose=True))
                if paragraph.editor_note:
                    out.append(self.editor_note(paragraph.editor_note, Context(page, None, doc)))
        return out

    def quoted_list(self, items: list, ctx: Context) -> str:
        """Lettered (and roman) entries of an unnumbered block: quoted text, without IDs."""
        lines = ['<ol class="tk-quoted" markdown="1">']
        for item in items:
            lines.append(f'<li markdown="1"><p markdown="span"><span class="tk-label">{item.n})</span> '
                         f"{self.text(item.text, ctx)}</p>")
            if getattr(item, "items", None):
                lines.append(self.quoted_list(item.items, ctx))
            lines.append("</li>")
        return "\n".join([*lines, "</ol>"])

    def scale(self, key: str) -> str:
        scale = self.edition.annex_scales[key]
        options = "".join(f'<li><span class="tk-box-tick" aria-hidden="true">☐</span> {self.plain(o)}</li>'
                          for o in scale.options)
        return (f'<ul class="tk-scale tk-scale-{key}" aria-label="{html.escape(self.labels.scale)}: '
                f'{html.escape(scale.label)}">{options}</ul>')

    def prose(self, page: Page, chapter: ProseChapter) -> list[str]:
        out = []
        if chapter.preamble:
            out.append(self.text(chapter.preamble, Context(page, None, "preamble"), prose=True))
        for section in chapter.sections:
            out.append(self.heading(2, f"{section.letter}. {self.plain(section.title)}", part_anchor(page, section.letter)))
            out.append(self.prose_text(section.body, Context(page, None, f"section {section.letter}"),
                                  part_anchor(page, section.letter)))
        return out

    def annex(self, page: Page, annex: Annex) -> list[str]:
        out = []
        for section in annex.sections:
            anchor = part_anchor(page, section.letter)
            out.append(self.heading(2, f"{section.letter}. {self.plain(section.title)}", anchor))
            if section.questions:
                out.append(self.heading(3, escaped(self.labels.overview), f"{anchor}-intro"))
            out.append(self.prose_text(section.overview, Context(page, None, f"section {section.letter}"), anchor))
            if section.questions:
                out.append(self.heading(3, escaped(self.labels.questions), f"{anchor}-questions"))
                out.append(self.question_list(page, section.letter,
                                              [i for i in self.items(page) if i.part == section.letter]))
        return out

    def footnotes(self, page: Page, footnotes: dict[int, str]) -> str:
        lines = [self.heading(2, escaped(self.labels.footnotes), f"{page.slug}-notes"), "", '<ol class="tk-footnotes" markdown="1">']
        for number, text in sorted(footnotes.items()):
            body = self.text(text, Context(page, None, f"footnote {number}"), links=False)
            lines.append(f'<li id="fn-{number}" value="{number}" markdown="span">{body} '
                         f'<a class="tk-fnback" href="#fnref-{number}" aria-label="↩ {number}">↩</a>'
                         f'{self.inline_note(page, f"{page.id}#fn.{number}")}</li>')
        lines.append("</ol>")
        return "\n".join(lines)


def _root_of(item: Item) -> str:
    return ".".join(item.id.split(".")[:3])


@lru_cache(maxsize=8)
def rendered_pages(edition: Edition) -> list[RenderedPage]:
    """The edition's pages, rendered once per loaded edition (a build asks for them several times)."""
    return Renderer(edition).pages()
