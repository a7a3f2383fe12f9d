"""`kinolog settings` lists every setting with its variable, default and description."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from kinolog.cli.main import app
from kinolog.config import describe_settings

runner = CliRunner()


@pytest.mark.parametrize(("variable", "default", "description"), describe_settings())
def test_cli_settings_lists_each_setting(variable, default, description):
    result = runner.invoke(app, ["settings"])
    assert result.exit_code == 0
    flat = " ".join(result.stdout.split())
    assert variable in flat and default in flat
    assert " ".join(description.split()[:3]) in flat
