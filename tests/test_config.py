"""Settings: defaults, environment variables, explicit overrides, and their descriptions."""

from __future__ import annotations

from kinolog.config import Settings, describe_settings, load_settings


def test_config_defaults_without_environment() -> None:
    assert load_settings({}) == Settings()


def test_config_environment_values_are_typed() -> None:
    settings = load_settings({"KINOLOG_MAX_BYTES": "1024", "KINOLOG_SPACY_MODEL": "my_model"})
    assert settings.max_bytes == 1024
    assert settings.spacy_model == "my_model"


def test_config_overrides_win_over_environment() -> None:
    assert load_settings({"KINOLOG_MAX_PDF_PAGES": "9"}, max_pdf_pages=3).max_pdf_pages == 3


def test_config_every_setting_is_described() -> None:
    for variable, _default, description in describe_settings():
        assert variable.startswith("KINOLOG_")
        assert variable in description
