"""Structured content, checks and rendering for the online edition of the UNODC
needs-assessment toolkit on the criminal-justice response to trafficking in persons.

Nothing in this package imports MkDocs except :mod:`tiptoolkit.site`, which drives the
MkDocs build; Material for MkDocs is used as a theme only and never imported.
"""
