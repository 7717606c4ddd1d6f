"""`python -m build` makes a wheel (from its sdist: a clean tree) that runs anywhere (issue 13 item 7):
every data file, template and static asset, in subfolders too, is inside it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile

from conftest import ROOT

PACKAGED = ("data", "web/templates", "web/static")  # folders whose every file the program reads at run time


LEFT_OUT = (".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", "*.db*")  # not the source


def test_the_wheel_holds_every_data_file_template_and_asset(tmp_path):
    source = tmp_path / "source"  # a clean tree: no file list of an earlier install may fill the gaps
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*LEFT_OUT))
    proc = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(tmp_path), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    (wheel,) = tmp_path.glob("eventwire-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    package = ROOT / "eventwire"
    wanted = {
        path.relative_to(ROOT).as_posix()
        for folder in PACKAGED
        for path in (package / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert wanted and wanted <= names, sorted(wanted - names)
    assert "eventwire/store/schema.sql" in names
    assert any(n.endswith("entry_points.txt") for n in names)
    assert not any(n.startswith("tests/") for n in names)
