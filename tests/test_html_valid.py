"""Valid HTML: the Nu Html Checker (vnu-jar, from the npm registry) finds no error on
any page the build writes."""

import json
import shutil
import subprocess
import zipfile

import pytest

from tiptoolkit.edition import ROOT
from tiptoolkit.site import BUNDLE

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# The JVM tuned for one short run (the same checks, less than half the CPU time): no second JIT
# compiler (C1 only) nor parallel garbage collector; C1's code needs a deeper stack than the
# default for the HTML schema's recursion.
JAVA_OPTIONS = ["-Xss16m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]


def nu_errors(folder) -> list[str]:
    java = shutil.which("java")
    if not java or not VNU.is_file():
        pytest.fail("the Nu Html Checker needs Java (Debian's `default-jre-headless`) and "
                    f"{VNU.relative_to(ROOT)} (`make install` runs `npm ci`)")
    run = subprocess.run([java, *JAVA_OPTIONS, "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json",
                          str(folder)], capture_output=True, text=True)
    messages = json.loads(run.stderr or run.stdout)["messages"]
    return [f"{m['url'].split(str(folder), 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]


def test_every_page_of_the_site_is_valid(site):
    assert len(list(site.rglob("*.html"))) > 15
    errors = nu_errors(site)
    assert not errors, "\n".join(errors)


def test_every_page_of_the_offline_bundle_is_valid(site, tmp_path):
    with zipfile.ZipFile(site / BUNDLE) as archive:
        archive.extractall(tmp_path)
    errors = nu_errors(tmp_path)
    assert not errors, "\n".join(errors)
