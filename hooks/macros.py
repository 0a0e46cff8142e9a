"""mkdocs-macros module: the macros that hand-written pages (`render_macros: true`) may call."""

from __future__ import annotations

from mkdocs_macros.plugin import MacrosPlugin

from tiptoolkit import build_inputs, pages_macros
from tiptoolkit.edition import Edition


def define_env(env: MacrosPlugin) -> None:
    def edition() -> Edition:
        return build_inputs.of(env.conf).generated.edition

    @env.macro
    def table_of_contents() -> str:
        return pages_macros.table_of_contents(edition())

    @env.macro
    def working_group_documents() -> str:
        return pages_macros.working_group_documents(edition())

    @env.macro
    def short_link(item_id: str) -> str:
        return pages_macros.short_link(edition(), item_id, env.page.url,
                                       offline=build_inputs.of(env.conf).offline)

    @env.macro
    def export_fields() -> str:
        return pages_macros.export_fields()

    @env.macro
    def offline_bundle() -> str:
        return pages_macros.offline_bundle(edition(), env.conf.extra.get("bundle_href"))

    @env.macro
    def export_summary() -> str:
        return pages_macros.export_summary(edition())
