"""The package's own Jinja templates (`tiptoolkit/templates/`), autoescaped."""

import jinja2

TEMPLATES = jinja2.Environment(loader=jinja2.PackageLoader("tiptoolkit"), autoescape=True,
                               trim_blocks=True, lstrip_blocks=True)
