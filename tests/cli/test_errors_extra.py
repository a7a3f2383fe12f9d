"""A damaged PDF gets exactly one line on stderr, even though pypdf logs warnings about it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_errors_damaged_pdf_prints_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 garbage without objects or trailer")
    result = subprocess.run(
        [sys.executable, "-m", "kinolog", "analyze", str(bad)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "bad.pdf" in lines[0]
    assert "[K013]" in lines[0]
