"""The thank-you template: filled with the audition's names, kept in the data folder."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from rehearsal.dossier.thank_you import (
    DEFAULT_TEMPLATE,
    PLACEHOLDERS,
    TemplateError,
    fill_template,
    load_template,
    save_template,
    template_path,
    unknown_placeholders,
)
from rehearsal.paths import Paths
from rehearsal.store.dossier_records import (
    Audition,
    AuditionDetails,
    AuditionRound,
    FollowUpState,
)

CALL = datetime(2024, 3, 7, 10, 30, tzinfo=UTC)


def audition(**fields: object) -> Audition:
    details = AuditionDetails(**fields)  # type: ignore[arg-type]
    return Audition(1, details, FollowUpState(), CALL, CALL)


FULL = audition(
    project_title="Night Shift",
    role="Nina",
    round=AuditionRound.CALLBACK,
    scheduled_at=CALL,
    casting_director="Priya Shah",
    director="Tom Okafor",
    writer="Lena Berg",
    producers="Sam Wu",
    agent="Dana Fox",
)


def test_the_default_template_is_filled_with_the_names() -> None:
    note = fill_template(DEFAULT_TEMPLATE, FULL, UTC)
    assert note.startswith("Dear Priya Shah,\n")
    assert "read for Nina in Night Shift" in note
    assert "pleasure to meet Tom Okafor" in note
    assert "{" not in note


def test_every_placeholder_is_filled() -> None:
    template = " | ".join("{" + p.name + "}" for p in PLACEHOLDERS)
    assert fill_template(template, FULL, UTC) == (
        "Priya Shah | Tom Okafor | Night Shift | Nina | Lena Berg | Sam Wu | Dana Fox"
        " | callback | Thursday 7 March"
    )


def test_blank_names_read_as_neutral_phrases() -> None:
    note = fill_template(DEFAULT_TEMPLATE, audition(), UTC)
    assert note.startswith("Dear casting team,\n")
    assert "read for the role in the project" in note
    assert "pleasure to meet the team" in note
    assert fill_template("{date}", audition(), UTC) == "the other day"


def test_unknown_placeholders_and_stray_braces_stay_as_typed() -> None:
    template = "Hi {castng_director}, {role} {"
    assert fill_template(template, FULL, UTC) == "Hi {castng_director}, Nina {"
    assert unknown_placeholders(template) == ["castng_director"]
    assert unknown_placeholders(DEFAULT_TEMPLATE) == []


def test_the_template_is_saved_in_the_data_folder(paths: Paths) -> None:
    path = template_path(paths)
    assert path.parent == paths.data
    assert load_template(path) == DEFAULT_TEMPLATE  # nothing saved yet
    save_template(path, "Thanks, {casting_director}!")
    assert load_template(path) == "Thanks, {casting_director}!"
    assert not path.with_name(path.name + ".tmp").exists()
    save_template(path, "   \n")
    assert load_template(path) == DEFAULT_TEMPLATE  # a blank template is no template


def test_an_unreadable_template_falls_back_and_an_unwritable_one_says_where(
    tmp_path: Path,
) -> None:
    broken = tmp_path / "template.txt"
    broken.write_bytes(b"\xff\xfe\x00bad")
    assert load_template(broken) == DEFAULT_TEMPLATE
    folder_in_the_way = tmp_path / "taken"
    folder_in_the_way.mkdir()
    (folder_in_the_way / "thank_you_template.txt").mkdir()  # a folder where the file goes
    with pytest.raises(TemplateError, match="could not be saved") as caught:
        save_template(folder_in_the_way / "thank_you_template.txt", "x")
    assert "thank_you_template.txt" in str(caught.value)
