"""The W3C Nu HTML checker finds no errors in the main pages, as served to the role of each.

vnu.jar comes from npm (`make install-test`) and runs on Java 17; it is started once for all
pages, since the JVM's start is most of its time.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser.axe import MAIN_PAGES, PROJECT_ROOT, RoleStates, open_tab
from tests.browser.test_focus import FOCUS_PAGES

VNU_JAR = PROJECT_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
assert {page.name for page in MAIN_PAGES} <= {page.name for page in FOCUS_PAGES}


def test_main_pages_are_valid_html(
    tmp_path: Path,
    live_server: str,
    live_ids: dict[str, int],
    role_states: RoleStates,
    tabs: dict[tuple[str | None, int], Page],
) -> None:
    assert VNU_JAR.exists(), f"the Nu HTML checker is not installed ({VNU_JAR}): make install-test"
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is needed for the Nu HTML checker (openjdk-17-jre-headless)")
    files: dict[str, str] = {}
    for main_page in FOCUS_PAGES:
        # The HTML as the server sends it, with the role's cookies: not the DOM after htmx ran.
        response = open_tab(tabs, role_states, main_page.role, 1280).request.get(
            live_server + main_page.url(live_ids)
        )
        assert response.status == 200, f"{main_page.path} as {main_page.role}: {response.status}"
        file = tmp_path / f"{main_page.name}.html"
        file.write_bytes(response.body())
        files[file.name] = f"{main_page.path} as {main_page.role or 'a visitor'}"

    checked = subprocess.run(
        [
            java,
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            *(str(tmp_path / name) for name in files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(checked.stderr or checked.stdout)["messages"]
    errors = [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
    assert not errors, f"{len(errors)} errors on {len({m['url'] for m in errors})} pages:\n" + (
        "\n".join(
            f"  {files.get(m['url'].rsplit('/', 1)[-1], m['url'])} line {m.get('lastLine')}: {m['message']}"
            f" [{m.get('extract', '').strip()[:80]}]"
            for m in errors[:40]
        )
    )
